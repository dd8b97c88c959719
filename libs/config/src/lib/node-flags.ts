// How every State Hub server process is started (the Dockerfile, the npm scripts, `state-hub serve`, the dev
// stack and the benches). Node 24 lets the young generation grow to 2 × 32 MB on a machine with this much
// memory; the apps' requests allocate little that lives, so 2 × 8 MB keeps the same throughput (docs/performance.md)
// and takes about 30 MB off an idle process and more off a busy one.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
