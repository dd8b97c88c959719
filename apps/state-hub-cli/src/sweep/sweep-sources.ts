// Who may run a sweep from the command line (the hub records the source on each sweep). Apart from the sweep
// itself, so that defining the command's --source choices does not load the sweep.
export const CLI_SWEEP_SOURCES = ['local-timer', 'activity-core', 'manual', 'api'] as const;
export type CliSweepSource = (typeof CLI_SWEEP_SOURCES)[number];
