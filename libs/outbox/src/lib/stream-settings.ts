import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface StreamSettings {
  name: string;
  subjects: string[];
  /** De-duplication window for Nats-Msg-Id; at least two minutes. */
  duplicateWindowMs: number;
  /** Copies of the stream in a JetStream cluster (NATS_STREAM_REPLICAS); 1 on a single server. Default 1. */
  replicas?: number;
}

export const ACTIVITY_EVENTS_STREAM: StreamSettings = {
  name: 'ACTIVITY_EVENTS',
  subjects: ['org.>'],
  duplicateWindowMs: 2 * 60 * 1000,
};

/** Creates the stream when it does not exist; returns true if it did. An existing stream is left as it is. */
export async function ensureStream(jsm: JetStreamManager, settings: StreamSettings): Promise<boolean> {
  try {
    await jsm.streams.info(settings.name);
    return false;
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound)) throw err;
  }
  await jsm.streams.add({
    name: settings.name,
    subjects: settings.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(settings.duplicateWindowMs),
    num_replicas: settings.replicas ?? 1,
  });
  return true;
}
