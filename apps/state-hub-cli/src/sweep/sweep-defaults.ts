// The sweep's default settings, for the environment reader (config/cli-env.ts), which loads this only for the
// commands that may sweep in this process: the sweep brings the database layer, which no other command needs.
export { DEFAULT_SWEEP_SETTINGS } from '@state-hub/consistency-sweep';
