// What the engine bench runs against: its event type and envelopes, the one definition, the no-op HTTP sink.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEnvelope, type EventEnvelope } from '@state-hub/envelope';

export const EVENT_TYPE = 'org.bench.item.queued';
export const DEFINITION_ID = 'bench.engine-noop';

export const envelope = (n: number, extra: Record<string, unknown> = {}): EventEnvelope =>
  createEnvelope({ type: EVENT_TYPE, publisher: 'bench', attributes: { n, item: `bench-item-${n}`, ...extra } });

/** One event-triggered definition: a rule that always holds and an HTTP call the sink answers with 204. */
export const definitionYaml = (sinkUrl: string) =>
  [
    `id: ${DEFINITION_ID}`,
    'description: Engine benchmark, one cheap HTTP call per queued item.',
    'trigger:',
    '  trigger_type: event',
    `  event_type: ${EVENT_TYPE}`,
    'rule:',
    '  when:',
    "    - 'event.attributes.n >= 0.0'",
    'instruction:',
    '  kind: http',
    '  method: POST',
    `  url: ${sinkUrl}/noop`,
    '  timeout_seconds: 5',
    '',
  ].join('\n');

/** A node:http server on a free port that answers every request 204 at once and counts them. */
export async function startSink(): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return { url, count: () => requests, close };
}
