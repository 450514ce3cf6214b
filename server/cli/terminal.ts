/** Minimal terminal styling: colour only on a TTY and never when NO_COLOR is set. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

export function createStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

export function colourWanted(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.CI === undefined;
}

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts colour, cursor,
 * title and OSC 8 link sequences; CR and LF let a string write over or fake a line), DEL, C1
 * controls (CSI and OSC have one-byte forms), and the bidirectional controls that reorder what
 * is shown (RLO and its kin).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that came from a server (or anyone but this program), made inert for a terminal: every
 * active character is written as a visible escape (`\x1b`, `\n`, `\u202e`), so it is seen, not
 * obeyed. The program's own colours are added around the result, never inside it.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_ACTIVE, (character) => {
    const code = character.charCodeAt(0);
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
