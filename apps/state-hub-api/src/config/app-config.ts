// The API's one typed, validated configuration object. Nothing else reads
// process.env: a bad value stops the app at start with the variable's name.
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toInt = ({ value }: { value: unknown }) =>
  value === '' || value === undefined ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

export class AppConfig {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
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

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'STATE_HUB_API_TOKEN must be at least 16 characters' })
  @MaxLength(512, { message: 'STATE_HUB_API_TOKEN must be at most 512 characters' })
  STATE_HUB_API_TOKEN?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Matches(/^\d+(b|kb|mb)$/i, { message: "BODY_LIMIT must be a size such as '512kb' or '1mb'" })
  BODY_LIMIT = '1mb';

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DB_POOL_SIZE must be an integer between 1 and 100' })
  @Min(1, { message: 'DB_POOL_SIZE must be an integer between 1 and 100' })
  @Max(100, { message: 'DB_POOL_SIZE must be an integer between 1 and 100' })
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

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_BATCH_SIZE must be an integer between 1 and 5000' })
  @Min(1, { message: 'OUTBOX_BATCH_SIZE must be an integer between 1 and 5000' })
  @Max(5000, { message: 'OUTBOX_BATCH_SIZE must be an integer between 1 and 5000' })
  OUTBOX_BATCH_SIZE = 256;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_POLL_MS must be an integer between 50 and 60000' })
  @Min(50, { message: 'OUTBOX_POLL_MS must be an integer between 50 and 60000' })
  @Max(60000, { message: 'OUTBOX_POLL_MS must be an integer between 50 and 60000' })
  OUTBOX_POLL_MS = 1000;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_RETENTION_HOURS must be an integer between 1 and 8760' })
  @Min(1, { message: 'OUTBOX_RETENTION_HOURS must be an integer between 1 and 8760' })
  @Max(8760, { message: 'OUTBOX_RETENTION_HOURS must be an integer between 1 and 8760' })
  OUTBOX_RETENTION_HOURS = 72;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NATS_PUBLISH_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Min(100, { message: 'NATS_PUBLISH_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Max(60000, { message: 'NATS_PUBLISH_TIMEOUT_MS must be an integer between 100 and 60000' })
  NATS_PUBLISH_TIMEOUT_MS = 5000;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates raw environment values; throws a ConfigError naming every bad variable. */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = /TOKEN|DATABASE_URL/.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `  ${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
