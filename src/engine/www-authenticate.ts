/**
 * The `WWW-Authenticate` response header, parsed the way a debugger needs it: every challenge
 * it can recover, plus a list of the places where the header leaves the grammar, so a server
 * developer can see why a strict client would not find `resource_metadata`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1
 *   WWW-Authenticate = #challenge
 *   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param  = token BWS "=" BWS ( token / quoted-string )
 *   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3 (the Bearer challenge)
 */
import type { AuthChallenge } from './flow-data.js';

export type { AuthChallenge };

/** What went wrong, as a closed set the UI can explain. */
export type WwwAuthenticateProblemKind =
  /** The header is present but holds no challenge at all. */
  | 'empty-header'
  /** A list element starts with something that is not a token (no auth-scheme). */
  | 'missing-scheme'
  /** A character that the grammar does not allow where it stands. */
  | 'invalid-character'
  /** A parameter value that is neither a token nor a quoted-string (typically an unquoted URL). */
  | 'unquoted-value'
  /** A quoted-string without its closing quote. */
  | 'unterminated-quoted-string'
  /** `name=` with nothing after it. */
  | 'missing-value'
  /** The same parameter twice in one challenge; RFC 9110 says each name MUST occur only once. */
  | 'duplicate-parameter'
  /** Two parameters (or a parameter and a challenge) separated by spaces instead of a comma. */
  | 'missing-comma';

/**
 * What exactly the parser met, finer than the kind (one kind, `invalid-character`, has three);
 * findings name the phrase `www-authenticate.<note>` for it, with `subject` filled in.
 */
export type WwwAuthenticateNote =
  | 'empty-header'
  | 'missing-comma'
  | 'missing-scheme'
  | 'scheme-needs-separator'
  | 'missing-parameter-name'
  | 'missing-equals'
  | 'duplicate-parameter'
  | 'missing-value'
  | 'unquoted-value'
  | 'unterminated-quoted-string';

/**
 * The English explanation of each note; `{subject}` is the scheme, parameter name or character
 * the note is about. The findings' phrase table holds the same sentences in every language (a
 * test keeps the two in step); they are not imported here, to keep the table out of the UI's
 * first load.
 */
export const WWW_AUTHENTICATE_NOTES: Readonly<Record<WwwAuthenticateNote, { kind: WwwAuthenticateProblemKind; message: string }>> = {
  'empty-header': { kind: 'empty-header', message: 'The header holds no challenge.' },
  'missing-comma': { kind: 'missing-comma', message: 'Elements of the list must be separated by a comma.' },
  'missing-scheme': { kind: 'missing-scheme', message: 'Expected an authentication scheme (a token), found "{subject}".' },
  'scheme-needs-separator': {
    kind: 'invalid-character',
    message: 'The scheme "{subject}" must be followed by a space, a comma or the end of the header.',
  },
  'missing-parameter-name': { kind: 'invalid-character', message: 'Expected a parameter name, found "{subject}".' },
  'missing-equals': { kind: 'invalid-character', message: 'The parameter "{subject}" must be followed by "=".' },
  'duplicate-parameter': {
    kind: 'duplicate-parameter',
    message: 'The parameter "{subject}" occurs more than once in the challenge; the first value is kept.',
  },
  'missing-value': { kind: 'missing-value', message: 'The parameter "{subject}" has no value.' },
  'unquoted-value': {
    kind: 'unquoted-value',
    message: 'The value of "{subject}" contains characters a token cannot hold; it must be sent as a quoted-string ("...").',
  },
  'unterminated-quoted-string': { kind: 'unterminated-quoted-string', message: 'The quoted value of "{subject}" has no closing quote.' },
};

export interface WwwAuthenticateProblem {
  kind: WwwAuthenticateProblemKind;
  note: WwwAuthenticateNote;
  /** The scheme, parameter name or character the problem is about, where there is one. */
  subject?: string;
  /** English explanation for logs and the CLI; the UI explains `kind` in its own language. */
  message: string;
  /** Which header line (0-based) when the header arrived on several lines. */
  line: number;
  /** Character offset within that line. */
  offset: number;
  /** The text around the offset. */
  excerpt: string;
}

export interface WwwAuthenticateBreakdown {
  /** Challenges in header order; scheme and parameter names are lower-cased (they are case-insensitive). */
  challenges: AuthChallenge[];
  problems: WwwAuthenticateProblem[];
}

/**
 * Parses one or several `WWW-Authenticate` field lines (several lines mean the same as one line
 * joined with commas; parsing them apart keeps problem positions exact). Never throws.
 */
export function parseWwwAuthenticate(header: string | readonly string[]): WwwAuthenticateBreakdown {
  const lines = typeof header === 'string' ? [header] : header;
  const challenges: AuthChallenge[] = [];
  const problems: WwwAuthenticateProblem[] = [];
  lines.forEach((line, index) => {
    const parsed = new LineParser(line, index).parse();
    challenges.push(...parsed.challenges);
    problems.push(...parsed.problems);
  });
  if (challenges.length === 0 && problems.length === 0) {
    problems.push({ ...explainNote('empty-header'), line: 0, offset: 0, excerpt: lines.join(', ') });
  }
  return { challenges, problems };
}

/** The challenges only, for callers that do not explain problems. */
export function parseWwwAuthenticateChallenges(header: string | readonly string[]): AuthChallenge[] {
  return parseWwwAuthenticate(header).challenges;
}

/** The first challenge of a scheme, compared case-insensitively (RFC 9110 §11.1). */
export function findChallenge(challenges: readonly AuthChallenge[], scheme: string): AuthChallenge | undefined {
  const wanted = scheme.toLowerCase();
  return challenges.find((challenge) => challenge.scheme.toLowerCase() === wanted);
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;

class LineParser {
  private pos = 0;
  private readonly challenges: AuthChallenge[] = [];
  private readonly problems: WwwAuthenticateProblem[] = [];
  private readonly text: string;
  private readonly line: number;

  constructor(text: string, line: number) {
    this.text = text;
    this.line = line;
  }

  parse(): { challenges: AuthChallenge[]; problems: WwwAuthenticateProblem[] } {
    let current: AuthChallenge | undefined;
    // True right after a parameter or a challenge that could take parameters, until a comma.
    let needsComma = false;
    while (true) {
      const sawComma = this.skipListSeparators();
      if (this.atEnd()) break;
      if (needsComma && !sawComma) {
        this.problem('missing-comma');
      }
      if (current && this.paramAhead(false)) {
        this.parseParam(current);
        needsComma = true;
        continue;
      }
      const scheme = this.readToken();
      if (!scheme) {
        this.problem('missing-scheme', this.text.charAt(this.pos));
        this.skipToNextElement();
        current = undefined;
        needsComma = false;
        continue;
      }
      current = { scheme: scheme.toLowerCase(), parameters: {} };
      this.challenges.push(current);
      needsComma = false;
      const spaces = this.skipSpaces();
      if (this.atEnd() || this.peek() === ',') continue;
      if (spaces === 0) {
        this.problem('scheme-needs-separator', scheme);
        this.skipToNextElement();
        continue;
      }
      if (this.paramAhead(true)) {
        this.parseParam(current);
        needsComma = true;
        continue;
      }
      const token68 = this.token68Ahead();
      if (token68 !== undefined) {
        current.token68 = token68;
        this.pos += token68.length;
        needsComma = true;
        continue;
      }
      // Neither a parameter nor a token68: report it and read it as a parameter as far as it goes.
      this.parseParam(current);
      needsComma = true;
    }
    return { challenges: this.challenges, problems: this.problems };
  }

  /**
   * `token BWS "=" BWS` ahead. Right after the scheme, `abc=` or `abc==` ending the challenge is
   * a token68 instead; after a comma a token68 cannot occur, so `name=` is a parameter there.
   */
  private paramAhead(afterScheme: boolean): boolean {
    const rest = this.text.slice(this.pos);
    const match = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=[ \t]*/.exec(rest);
    if (!match) return false;
    const next = rest.charAt(match[0].length);
    // `name=` followed by another `=` or by nothing is the tail of a token68 (`abc==`).
    if (!afterScheme) return true;
    if (next === '=') return false;
    if (next === '' || next === ',') return this.token68Ahead() === undefined;
    return true;
  }

  /** A token68 that ends the challenge (followed by optional spaces, then a comma or the end). */
  private token68Ahead(): string | undefined {
    const rest = this.text.slice(this.pos);
    const match = TOKEN68.exec(rest);
    if (!match) return undefined;
    const after = rest.slice(match[0].length).replace(/^[ \t]*/, '');
    return after === '' || after.startsWith(',') ? match[0] : undefined;
  }

  private parseParam(challenge: AuthChallenge): void {
    const nameStart = this.pos;
    const name = this.readToken();
    if (!name) {
      this.problem('missing-parameter-name', this.text.charAt(this.pos));
      this.skipToNextElement();
      return;
    }
    this.skipSpaces();
    if (this.peek() !== '=') {
      this.problem('missing-equals', name);
      this.skipToNextElement();
      return;
    }
    this.pos++;
    this.skipSpaces();
    const value = this.readValue(name);
    if (value === undefined) return;
    const key = name.toLowerCase();
    if (key in challenge.parameters) {
      this.problem('duplicate-parameter', key, nameStart);
      return;
    }
    challenge.parameters[key] = value;
  }

  private readValue(name: string): string | undefined {
    if (this.peek() === '"') return this.readQuotedString(name);
    const token = this.readToken();
    const next = this.peek();
    if (token && (next === '' || next === ',' || next === ' ' || next === '\t')) return token;
    // Tolerate what many servers send (`resource_metadata=https://...`): take the run up to a
    // comma or a space, and say that a strict parser will not accept it.
    const start = this.pos - token.length;
    const raw = /^[^,\s]*/.exec(this.text.slice(start))?.[0] ?? '';
    if (raw === '') {
      this.problem('missing-value', name);
      this.skipToNextElement();
      return undefined;
    }
    this.problem('unquoted-value', name, start);
    this.pos = start + raw.length;
    return raw;
  }

  private readQuotedString(name: string): string {
    const start = this.pos;
    this.pos++; // opening quote
    let value = '';
    while (!this.atEnd()) {
      const char = this.text.charAt(this.pos);
      if (char === '"') {
        this.pos++;
        return value;
      }
      if (char === '\\' && this.pos + 1 < this.text.length) {
        // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ): the escaped character stands for itself.
        value += this.text.charAt(this.pos + 1);
        this.pos += 2;
        continue;
      }
      value += char;
      this.pos++;
    }
    this.problem('unterminated-quoted-string', name, start);
    return value;
  }

  private readToken(): string {
    const start = this.pos;
    while (!this.atEnd() && TCHAR.test(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Skips optional whitespace and empty list elements; true when a comma was passed. */
  private skipListSeparators(): boolean {
    let comma = false;
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === ',') comma = true;
      else if (char !== ' ' && char !== '\t') break;
      this.pos++;
    }
    return comma;
  }

  private skipSpaces(): number {
    const start = this.pos;
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
    return this.pos - start;
  }

  /** Recovery: moves to the next comma that is not inside a quoted-string. */
  private skipToNextElement(): void {
    let quoted = false;
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '\\' && quoted) this.pos++;
      else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) return;
      this.pos++;
    }
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private problem(note: WwwAuthenticateNote, subject?: string, offset = this.pos): void {
    const excerpt = this.text.slice(Math.max(0, offset - 12), offset + 28);
    this.problems.push({ ...explainNote(note, subject), line: this.line, offset, excerpt });
  }
}

function explainNote(note: WwwAuthenticateNote, subject?: string): Pick<WwwAuthenticateProblem, 'kind' | 'note' | 'subject' | 'message'> {
  const { kind, message } = WWW_AUTHENTICATE_NOTES[note];
  const filled = subject === undefined ? message : message.replace('{subject}', () => subject);
  return { kind, note, ...(subject !== undefined ? { subject } : {}), message: filled };
}
