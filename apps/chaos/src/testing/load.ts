// Steady write load against the hub: one commit report at a time, paced to a
// fixed rate, recording each answer's status so a failed request cannot hide.
import type { BuiltApp } from './built-apps';

export interface Load {
  /** How many requests have been answered so far. */
  readonly sent: number;
  /** Statuses answered, in order; a network error is recorded as 0. */
  readonly statuses: number[];
  done: Promise<void>;
}

/** Reports `count` commits on `slug`, one every `intervalMs`, round-robin over `hubs`. */
export function commitLoad(hubs: BuiltApp[], slug: string, count: number, intervalMs: number): Load {
  const statuses: number[] = [];
  const started = Date.now();
  const done = (async () => {
    for (let i = 0; i < count; i++) {
      const hub = hubs[i % hubs.length];
      const sha = i.toString(16).padStart(40, '0');
      try {
        const res = await fetch(`${hub.url}/repos/${slug}/commits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ref: 'refs/heads/main', sha }),
          signal: AbortSignal.timeout(10_000),
        });
        await res.text();
        statuses.push(res.status);
      } catch {
        statuses.push(0);
      }
      const wait = started + (i + 1) * intervalMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    get sent() {
      return statuses.length;
    },
    statuses,
    done,
  };
}

/** Registers domain `chaos` and repo `slug` through `hub`. */
export async function registerRepo(hub: BuiltApp, slug: string): Promise<void> {
  await hub.json('POST', '/domains', { slug: 'chaos', name: 'Chaos' }, 201);
  await hub.json(
    'POST',
    '/repos',
    { slug, name: slug, domain: 'chaos', remote_url: `git@example.org:o/${slug}.git` },
    201,
  );
}

/** Resolves once `predicate` holds, polling every 20 ms. */
export async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setTimeout(r, 20));
}
