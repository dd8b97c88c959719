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
      const shown = e.property.endsWith('TOKEN') || e.property.endsWith('URL') ? '(hidden)' : JSON.stringify(e.value);
      return `  ${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
