/** Keeps a long-running command alive until Ctrl-C (or SIGTERM), then runs its clean-up. */
export function untilInterrupted(cleanup: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      cleanup().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`Clean-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
          resolve(2);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
