// What a command may touch of the outside world, passed in by main.ts (the real
// process) or by a test: the output streams, stdin, the environment and SIGINT.
import type { ExitCode } from './cli-errors';

export interface OutStream extends NodeJS.WritableStream {
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Read by `definitions test --event -`; absent: stdin is not available. */
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /**
   * Lets a long-running command (events tail, serve) stop cleanly on Ctrl-C or SIGTERM;
   * returns the function that removes the handler. Absent: nothing interrupts.
   */
  onInterrupt?: (handler: (signal: NodeJS.Signals) => void) => () => void;
}

/** What each command registration gets: the io, and where the command's exit code goes. */
export interface CommandContext {
  io: CliIo;
  done(code: ExitCode): void;
}
