// The API's one typed, validated configuration object. Nothing else reads
// process.env: a bad value stops the app at start with the variable's name.
import {
  assertNetworkAccessProtected,
  BoolSetting,
  ConfigError,
  defaultLogFormat,
  emptyToUndefined,
  IntSetting,
  type LogFormatName,
  LogFormatSetting,
  type LogLevelName,
  LogLevelSetting,
  TokenSetting,
  validateEnvironment,
} from '@state-hub/config';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Empty means the default (`FOO=` in a compose file). */
const emptyTo = (fallback: string) => Transform(({ value }) => (value === '' ? fallback : value));

export class AppConfig {
  @IntSetting('PORT', 1, 65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'STATE_HUB_DATA_DIR must not be empty' })
  STATE_HUB_DATA_DIR = '.state-hub';

  /** Guards every write route (and with API_READS_REQUIRE_TOKEN every read); required on a non-loopback HOST. */
  @TokenSetting('STATE_HUB_API_TOKEN')
  STATE_HUB_API_TOKEN?: string;

  /** Reads need the token too (health stays open): for networks where plans and run history are not for everyone. */
  @BoolSetting('API_READS_REQUIRE_TOKEN', false)
  API_READS_REQUIRE_TOKEN = false;

  /** The secret git hosts sign push webhooks with (POST /webhooks/*); unset, those routes refuse (403). */
  @TokenSetting('WEBHOOK_SECRET')
  WEBHOOK_SECRET?: string;

  /** How long a recorded delivery id is kept to answer its redelivery as a duplicate (docs/webhooks.md). */
  @IntSetting('WEBHOOK_DELIVERY_RETENTION_DAYS', 1, 3650)
  WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

  @LogLevelSetting()
  LOG_LEVEL: LogLevelName = 'info';

  /** Readable lines when the logs go to a terminal, JSON lines otherwise. */
  @LogFormatSetting()
  LOG_FORMAT: LogFormatName = defaultLogFormat(process.stdout);

  @IsOptional()
  @Matches(/^\d+(b|kb|mb)$/i, { message: "BODY_LIMIT must be a size such as '512kb' or '1mb'" })
  BODY_LIMIT = '1mb';

  @IntSetting('DB_POOL_SIZE', 1, 100)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must be one or more nats:// (or tls://) URLs, comma separated',
  })
  NATS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'NATS_STREAM must be a stream name (letters, digits, - and _)' })
  NATS_STREAM = 'ACTIVITY_EVENTS';

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'OUTBOX_RELAY must be on or off' })
  OUTBOX_RELAY: 'on' | 'off' = 'on';

  @IntSetting('OUTBOX_BATCH_SIZE', 1, 5000)
  OUTBOX_BATCH_SIZE = 1024;

  @IntSetting('OUTBOX_POLL_MS', 50, 60000)
  OUTBOX_POLL_MS = 1000;

  @IntSetting('OUTBOX_RETENTION_HOURS', 1, 8760)
  OUTBOX_RETENTION_HOURS = 72;

  /** Replicas of NATS_STREAM when the hub creates it: 3 on a three-node JetStream cluster (docs/scaling.md). */
  @IntSetting('NATS_STREAM_REPLICAS', 1, 5)
  NATS_STREAM_REPLICAS = 1;

  @IntSetting('NATS_PUBLISH_TIMEOUT_MS', 100, 60000)
  NATS_PUBLISH_TIMEOUT_MS = 5000;

  /** Commit the workplan files a sweep's id writeback changed (only files that were clean). */
  @BoolSetting('SWEEP_COMMIT_WRITEBACK', false)
  SWEEP_COMMIT_WRITEBACK = false;

  /** Push that commit (remote sweeps only, fast-forward only). */
  @BoolSetting('SWEEP_PUSH_WRITEBACK', false)
  SWEEP_PUSH_WRITEBACK = false;

  /** Folder inside each repo that holds its workplans. */
  @IsOptional()
  @emptyTo('workplans')
  @IsString()
  @Matches(/^(?!\/)(?!(.*\/)?\.\.(\/|$))[A-Za-z0-9._/-]{1,200}$/, {
    message: 'SWEEP_WORKPLAN_DIR must be a relative path inside the repo (no .., no leading /)',
  })
  SWEEP_WORKPLAN_DIR = 'workplans';

  @IsOptional()
  @emptyTo('State Hub')
  @IsString()
  @MaxLength(200, { message: 'SWEEP_GIT_AUTHOR_NAME must be at most 200 characters' })
  @Matches(/^[^<>\n\r]+$/, { message: 'SWEEP_GIT_AUTHOR_NAME must be one line without < or >' })
  SWEEP_GIT_AUTHOR_NAME = 'State Hub';

  @IsOptional()
  @emptyTo('state-hub@localhost')
  @IsString()
  @Matches(/^[^\s@<>]{1,100}@[^\s@<>]{1,200}$/, { message: 'SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address' })
  SWEEP_GIT_AUTHOR_EMAIL = 'state-hub@localhost';

  /** How long a one-repo sync waits for the repo's lock before it reports skipped_lock. */
  @IntSetting('SWEEP_REPO_LOCK_WAIT_SECONDS', 0, 600)
  SWEEP_REPO_LOCK_WAIT_SECONDS = 30;

  /**
   * The built dashboard (apps/dashboard) the hub serves at /ui/. Unset: `dashboard/` beside the app's main.js
   * (the image), else `../dashboard` (the workspace's dist/apps/).
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  DASHBOARD_DIR?: string;

  /**
   * The engine of a split deployment (e.g. http://127.0.0.1:3001): the hub forwards /engine/* to it, so the
   * dashboard talks to one origin. Unset: /engine/* answers 503 (the one process serves its own engine).
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'ENGINE_URL must be an http:// or https:// URL' })
  ENGINE_URL?: string;

  /** Sent to ENGINE_URL as the bearer token of forwarded requests (the browser's own header never is). */
  @TokenSetting('ENGINE_API_TOKEN')
  ENGINE_API_TOKEN?: string;
}

/**
 * Validates raw environment values; throws a ConfigError naming every bad variable, or saying that a
 * non-loopback HOST needs STATE_HUB_API_TOKEN.
 */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = validateEnvironment(AppConfig, raw);
  assertNetworkAccessProtected(config.HOST, config.STATE_HUB_API_TOKEN, 'STATE_HUB_API_TOKEN');
  return config;
}

export { ConfigError };
