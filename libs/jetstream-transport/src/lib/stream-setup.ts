// Creates what the transport needs on the server: the event stream and the
// dead-letter stream when missing (an existing stream is left as it is), and the
// durable pull consumer, created or brought to the configured settings.
import {
  AckPolicy,
  type ConsumerConfig,
  type ConsumerInfo,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { millis, nanos } from '@nats-io/transport-node';

export interface StreamSpec {
  name: string;
  subjects: string[];
  duplicateWindowMs: number;
  /** Copies in a JetStream cluster; 1 on a single server. */
  replicas: number;
}

export interface DurableSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  maxDeliver: number;
  ackWaitMs: number;
  backoffMs: number[];
  /** Copies of the consumer's state in a JetStream cluster, when it is created. */
  replicas: number;
}

/** Returns true when the stream was created. Same settings as the outbox relay's, so either side may create it. */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<boolean> {
  try {
    await jsm.streams.info(spec.name);
    return false;
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
  }
  await jsm.streams.add({
    name: spec.name,
    subjects: spec.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: spec.replicas,
  });
  return true;
}

export type DurableOutcome = 'created' | 'updated' | 'unchanged';

export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  spec: DurableSpec,
): Promise<{ info: ConsumerInfo; outcome: DurableOutcome }> {
  const wanted = tunables(spec);
  let existing: ConsumerInfo | undefined;
  try {
    existing = await jsm.consumers.info(spec.stream, spec.durable);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
  }
  if (!existing) {
    const info = await jsm.consumers.add(spec.stream, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      num_replicas: spec.replicas,
      ...wanted,
    });
    return { info, outcome: 'created' };
  }
  if (existing.config.deliver_subject) {
    throw new Error(`consumer ${spec.stream}/${spec.durable} is a push consumer; delete it or pick another durable`);
  }
  if (sameTunables(existing.config, spec)) return { info: existing, outcome: 'unchanged' };
  const info = await jsm.consumers.update(spec.stream, spec.durable, wanted);
  return { info, outcome: 'updated' };
}

function tunables(spec: DurableSpec): Partial<ConsumerConfig> {
  return {
    filter_subject: spec.filterSubject,
    max_deliver: spec.maxDeliver,
    ack_wait: nanos(spec.ackWaitMs),
    // An empty list clears a backoff an earlier configuration left behind.
    backoff: spec.backoffMs.map((ms) => nanos(ms)),
  };
}

function sameTunables(config: ConsumerConfig, spec: DurableSpec): boolean {
  const backoff = (config.backoff ?? []).map((ns) => millis(ns));
  // With a backoff the server stores backoff[0] as ack_wait; compare what it would store.
  const expectedAckWait = spec.backoffMs.length > 0 ? spec.backoffMs[0] : spec.ackWaitMs;
  return (
    config.filter_subject === spec.filterSubject &&
    config.max_deliver === spec.maxDeliver &&
    millis(config.ack_wait ?? 0) === expectedAckWait &&
    backoff.length === spec.backoffMs.length &&
    backoff.every((ms, i) => ms === spec.backoffMs[i])
  );
}

export function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}
