// The job's one typed, validated configuration object. Nothing else reads
// process.env: a bad value stops the job (exit 1) with the variable's name.
import {
  ConfigError,
  emptyToUndefined,
  IntSetting,
  type LogLevelName,
  LogLevelSetting,
  validateEnvironment,
} from '@state-hub/config';
import { DEFAULT_STALE_AFTER_DAYS, MAX_STALE_AFTER_DAYS, MIN_STALE_AFTER_DAYS } from '@state-hub/stale-tasks';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';

/** Why the job does not run without DATABASE_URL (exit 1 with this line). */
export const EMBEDDED_REFUSAL =
  'DATABASE_URL is not set: the embedded database belongs to the running hub — ' +
  'call POST /maintenance/stale-cleanup on it instead (or set DATABASE_URL)';

/**
 * The job never opens the embedded (PGlite) database: the hub holds that folder while it
 * runs, and two processes on one PGlite data directory corrupt it.
 */
export class EmbeddedDatabaseRefusedError extends Error {
  override readonly name = 'EmbeddedDatabaseRefusedError';
  constructor() {
    super(EMBEDDED_REFUSAL);
  }
}

export class JobConfig {
  /** Required (checked after validation, with its own message): the job runs only on a Postgres server. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Set: the events this run wrote are published before the job exits. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must be one or more nats:// (or tls://) URLs, comma separated',
  })
  NATS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'NATS_STREAM must be a stream name (letters, digits, - and _)' })
  NATS_STREAM = 'ACTIVITY_EVENTS';

  /** Replicas of NATS_STREAM if this job is the one to create it (as for the API). */
  @IntSetting('NATS_STREAM_REPLICAS', 1, 5)
  NATS_STREAM_REPLICAS = 1;

  @IntSetting('STALE_AFTER_DAYS', MIN_STALE_AFTER_DAYS, MAX_STALE_AFTER_DAYS)
  STALE_AFTER_DAYS = DEFAULT_STALE_AFTER_DAYS;

  /** How long to wait for this run's events to reach NATS; 0 leaves them to the API's relay at once. */
  @IntSetting('DRAIN_TIMEOUT_SECONDS', 0, 3600)
  DRAIN_TIMEOUT_SECONDS = 30;

  @LogLevelSetting()
  LOG_LEVEL: LogLevelName = 'info';
}

/**
 * Validates raw environment values; throws a ConfigError naming every bad variable, or
 * EmbeddedDatabaseRefusedError when they are all fine but DATABASE_URL is not set.
 */
export function validateJobConfig(raw: Record<string, unknown>): JobConfig {
  const config = validateEnvironment(JobConfig, raw);
  if (!config.DATABASE_URL) throw new EmbeddedDatabaseRefusedError();
  return config;
}

export { ConfigError };
