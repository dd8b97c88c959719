// One HTTP load stage with autocannon: a warm-up, then the measured run.
import autocannon from 'autocannon';

export interface StageResult {
  /** mean requests (or transactions) per second */
  rate: number;
  p50: number;
  p99: number;
  count: number;
}

export interface HttpStage {
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export async function httpStage(stage: HttpStage): Promise<StageResult> {
  const opts = {
    url: stage.url,
    method: stage.method ?? 'GET',
    connections: stage.connections,
    duration: stage.seconds,
    warmup: { connections: stage.connections, duration: stage.warmupSeconds },
    ...(stage.body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stage.body),
    }),
  };
  const r = await autocannon(opts);
  const w = r.warmup ?? { non2xx: 0, errors: 0, timeouts: 0 };
  const bad = r.non2xx + r.errors + r.timeouts + w.non2xx + w.errors + w.timeouts;
  if (bad > 0) {
    throw new Error(
      `${opts.method} ${stage.url}: ${r.non2xx + w.non2xx} non-2xx, ${r.errors + w.errors} errors, ` +
        `${r.timeouts + w.timeouts} timeouts (status counts: ${JSON.stringify(r.statusCodeStats)})`,
    );
  }
  return { rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, count: r.requests.total };
}
