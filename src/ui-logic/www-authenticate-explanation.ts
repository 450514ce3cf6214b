/**
 * The `WWW-Authenticate` header of a response, broken down for the inspector: each challenge
 * and each parameter with the message key that explains it, plus the places where the header
 * leaves the RFC 9110 grammar. Parsing is the engine's (`parseWwwAuthenticate`).
 */
import type { HeaderList } from '../engine/types.js';
import { parseWwwAuthenticate, type WwwAuthenticateProblemKind } from '../engine/www-authenticate.js';
import { headerValues } from './http-format.js';

/**
 * Challenge parameters the inspector explains.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3 (realm, scope, error, error_description, error_uri)
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1 (resource_metadata)
 */
export const KNOWN_CHALLENGE_PARAMETERS = [
  'realm',
  'resource_metadata',
  'scope',
  'error',
  'error_description',
  'error_uri',
  'as_uri',
  'authorization_uri',
  'charset',
] as const;

const KNOWN_PARAMS = new Set<string>(KNOWN_CHALLENGE_PARAMETERS);
export const KNOWN_SCHEMES = ['bearer', 'basic', 'dpop'] as const;
const KNOWN_SCHEME_SET = new Set<string>(KNOWN_SCHEMES);

/** Bearer `error` codes with an explanation of their own (RFC 6750 §3.1). */
export const KNOWN_BEARER_ERRORS = ['invalid_request', 'invalid_token', 'insufficient_scope'] as const;
const KNOWN_ERROR_SET = new Set<string>(KNOWN_BEARER_ERRORS);

export interface ChallengeParameterExplanation {
  name: string;
  value: string;
  explanationKey?: string;
  /** For `error`: the key explaining this particular error code. */
  valueExplanationKey?: string;
}

export interface ChallengeExplanation {
  /** Lower-cased scheme (`bearer`). */
  scheme: string;
  schemeExplanationKey?: string;
  token68?: string;
  parameters: ChallengeParameterExplanation[];
}

export interface ProblemExplanation {
  kind: WwwAuthenticateProblemKind;
  explanationKey: string;
  /** English message from the parser, kept for the curious and for logs. */
  message: string;
  line: number;
  offset: number;
  excerpt: string;
}

export interface WwwAuthenticateExplanation {
  /** The header lines as received. */
  lines: string[];
  challenges: ChallengeExplanation[];
  problems: ProblemExplanation[];
}

/** The breakdown of a response's `WWW-Authenticate`, or undefined when it has none. */
export function explainWwwAuthenticate(headers: HeaderList): WwwAuthenticateExplanation | undefined {
  const lines = headerValues(headers, 'www-authenticate');
  if (lines.length === 0) return undefined;
  const parsed = parseWwwAuthenticate(lines);
  return {
    lines,
    challenges: parsed.challenges.map((challenge) => {
      const scheme = challenge.scheme.toLowerCase();
      const explained: ChallengeExplanation = {
        scheme,
        parameters: Object.entries(challenge.parameters).map(([name, value]) => {
          const parameter: ChallengeParameterExplanation = { name, value };
          if (KNOWN_PARAMS.has(name)) parameter.explanationKey = `inspect.challenge.param.${name}`;
          if (name === 'error' && KNOWN_ERROR_SET.has(value)) parameter.valueExplanationKey = `inspect.challenge.error.${value}`;
          return parameter;
        }),
      };
      if (KNOWN_SCHEME_SET.has(scheme)) explained.schemeExplanationKey = `inspect.challenge.scheme.${scheme}`;
      if (challenge.token68 !== undefined) explained.token68 = challenge.token68;
      return explained;
    }),
    problems: parsed.problems.map((problem) => ({
      kind: problem.kind,
      explanationKey: `inspect.challenge.problem.${problem.kind}`,
      message: problem.message,
      line: problem.line,
      offset: problem.offset,
      excerpt: problem.excerpt,
    })),
  };
}

/** Every problem kind the parser can report, so a test can check each has a text. */
export const WWW_AUTHENTICATE_PROBLEM_KINDS: readonly WwwAuthenticateProblemKind[] = [
  'empty-header',
  'missing-scheme',
  'invalid-character',
  'unquoted-value',
  'unterminated-quoted-string',
  'missing-value',
  'duplicate-parameter',
  'missing-comma',
];
