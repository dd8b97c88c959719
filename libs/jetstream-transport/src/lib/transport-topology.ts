// Brings the server to what the transport needs, at listen and again whenever
// consuming has to restart: both streams, and the durable consumer as configured.
import type { JetStreamManager } from '@nats-io/jetstream';
import { DUPLICATE_WINDOW_MS, type ResolvedTransportOptions } from './jetstream-transport-options';
import { ensureDurableConsumer, ensureStream } from './stream-setup';

/** Returns the consumer's max_deliver as the server holds it. */
export async function prepareTopology(
  jsm: JetStreamManager,
  options: ResolvedTransportOptions,
  first: boolean,
): Promise<number> {
  const log = options.logger;
  const streams = [
    [options.stream, options.streamSubjects],
    [options.deadLetterStream, options.deadLetterSubjects],
  ] as const;
  for (const [name, subjects] of streams) {
    const spec = { name, subjects, duplicateWindowMs: DUPLICATE_WINDOW_MS, replicas: options.replicas };
    if (await ensureStream(jsm, spec)) {
      log.log(`stream ${name} created (${subjects.join(', ')}; ${options.replicas} replica(s))`);
    }
  }
  const { info, outcome } = await ensureDurableConsumer(jsm, options);
  if (first || outcome !== 'unchanged') log.log(`consumer ${options.stream}/${options.durable} ${outcome}`);
  if (first && options.backoffMs.length > 0 && options.backoffMs[0] !== options.ackWaitMs) {
    log.warn(`backoffMs[0] (${options.backoffMs[0]} ms) replaces ackWaitMs on the server; delayed naks grow too`);
  }
  return info.config.max_deliver ?? options.maxDeliver;
}
