/** The CLI's I/O and its usage errors (exit code 2). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** A person at a terminal (a TTY on both ends and not CI): pages may open in their browser. */
  interactive?: boolean;
  /** Reads all of standard input (for `--assertion -`). */
  readStdin?: () => Promise<string>;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
