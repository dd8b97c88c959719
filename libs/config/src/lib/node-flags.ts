// How every State Hub server process is started (the Dockerfile, the npm scripts, `state-hub serve`, the dev
// stack and the benches); docs/performance.md has the figures.
// - Node 24 lets the young generation grow to 2 × 32 MB on a machine with this much memory; the apps' requests
//   allocate little that lives, so 2 × 8 MB keeps the throughput and takes about 30 MB off an idle process.
// - The embedded database is Postgres compiled to WebAssembly: compiling it with V8's baseline compiler only
//   halves the peak while it loads (about 1.1 GB → 0.55 GB) and leaves about 90 MB less behind, for about 10 %
//   slower embedded queries. The only other WebAssembly is fetch()'s HTTP parser (context fetches, the hub's
//   forwarding to the engine), off the hot paths; the engine's http instruction and the API do not use fetch().
// - V8 flushes the bytecode of functions that have not run for a while, and the idle heap trim's memory-reducing
//   collection flushes it all: the first work after a quiet spell then compiled its code again. The engine's first
//   events after 10 s idle waited 30–65 ms while it did; with the bytecode kept, about 8 ms (docs/performance.md).
// - The old generation may hold 128 MB before a full collection is due (a floor that stays): at 500 events/s the
//   engine promoted about 3.7 MB/s and ran a mark-compact every 2.3 s, each holding the event loop off for 6–12 ms
//   at a time; with the floor one comes every 20–30 s. The idle trim still collects once the process goes quiet,
//   so the API and the engine idle as before; under load they hold more garbage (peaks of 215–245 MB).
export const SERVER_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=8',
  '--liftoff-only',
  '--no-flush-bytecode',
  '--initial-old-space-size=128',
];
