// The ways a command ends badly, each with its exit code: the command line is
// wrong and nothing was tried (2), or the work failed (1). A bad environment
// variable is @state-hub/config's ConfigError (1, one line per variable).

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A bad flag or flag combination; the message names it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The work could not be done (hub unreachable, repo unknown, git failed); one line saying why. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
