// The API's one typed, validated configuration object. Nothing else reads
// process.env: a bad value stops the app at start with the variable's name.
import {
  ConfigError,
  emptyToUndefined,
  IntSetting,
  type LogLevelName,
  LogLevelSetting,
  TokenSetting,
  validateEnvironment,
} from '@state-hub/config';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';

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

  @TokenSetting('STATE_HUB_API_TOKEN')
  STATE_HUB_API_TOKEN?: string;

  @LogLevelSetting()
  LOG_LEVEL: LogLevelName = 'info';

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

  @IntSetting('NATS_PUBLISH_TIMEOUT_MS', 100, 60000)
  NATS_PUBLISH_TIMEOUT_MS = 5000;
}

/** Validates raw environment values; throws a ConfigError naming every bad variable. */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  return validateEnvironment(AppConfig, raw);
}

export { ConfigError };
