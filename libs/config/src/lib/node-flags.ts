// How every State Hub server process is started (the Dockerfile, the npm scripts, `state-hub serve`, the dev
// stack and the benches); docs/performance.md has the figures.
// - Node 24 lets the young generation grow to 2 × 32 MB on a machine with this much memory; the apps' requests
//   allocate little that lives, so 2 × 8 MB keeps the throughput and takes about 30 MB off an idle process.
// - The embedded database is Postgres compiled to WebAssembly: compiling it with V8's baseline compiler only
//   halves the peak while it loads (about 1.1 GB → 0.55 GB) and leaves about 90 MB less behind, for about 10 %
//   slower embedded queries. The only other WebAssembly is fetch()'s HTTP parser (context fetches, the hub's
//   forwarding to the engine), off the hot paths; the engine's http instruction and the API do not use fetch().
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--liftoff-only'];
