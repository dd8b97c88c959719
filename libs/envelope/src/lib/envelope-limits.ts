// Size caps, so a hostile or broken message cannot make validation or
// error reporting expensive.

export const ENVELOPE_LIMITS = {
  /** NATS' default max_payload (1 MiB); nothing larger is decoded or encoded. */
  maxEncodedBytes: 1024 * 1024,
  maxTypeLength: 255,
  /** Trace ids (correlation_id, causation_id). */
  maxIdLength: 200,
  /** An event id as a reader accepts it (CloudEvents allows any id; ours are UUIDs). */
  maxEventIdLength: 128,
  maxVersionLength: 20,
  maxPublisherLength: 100,
  maxTimestampLength: 40,
  maxAttributeKeyLength: 100,
  /** Nesting depth of attribute values (objects and arrays). */
  maxAttributeDepth: 32,
  /** Errors beyond this many are summarised as "... and N more". */
  maxReportedErrors: 20,
} as const;
