// The engine's one typed, validated configuration object. Nothing else reads
// process.env: a bad value stops the engine at start with the variable's name.
import { hostname } from 'node:os';
import { applyDecorators } from '@nestjs/common';
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
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';

/** A non-empty string variable with a default; the message names the variable. */
function NameSetting(name: string, pattern: RegExp, what: string): PropertyDecorator {
  return applyDecorators(IsOptional(), Matches(pattern, { message: `${name} must be ${what}` }));
}

export class AppConfig {
  @IsOptional()
  @Matches(/^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must be one or more nats:// (or tls://) URLs, comma separated',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  @NameSetting('NATS_STREAM', /^[A-Za-z0-9_-]{1,64}$/, 'a stream name (letters, digits, - and _)')
  NATS_STREAM = 'ACTIVITY_EVENTS';

  /**
   * Replicas of the streams (NATS_STREAM, ACTIVITY_DEADLETTER) and the durable consumer when the engine creates
   * them: 3 on a three-node JetStream cluster (docs/scaling.md).
   */
  @IntSetting('NATS_STREAM_REPLICAS', 1, 5)
  NATS_STREAM_REPLICAS = 1;

  @NameSetting('ENGINE_DURABLE', /^[A-Za-z0-9_-]{1,64}$/, 'a consumer name (letters, digits, - and _)')
  ENGINE_DURABLE = 'activity-engine';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'ENGINE_DATA_DIR must not be empty' })
  ENGINE_DATA_DIR = '.activity-engine';

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'ACTIVITY_DEFINITIONS_DIR must not be empty' })
  ACTIVITY_DEFINITIONS_DIR = 'activity-definitions';

  @IntSetting('PORT', 0, 65535)
  PORT = 3001;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  /**
   * Guards the write routes (manual run, replay, redrive; every read too with API_READS_REQUIRE_TOKEN) of the
   * engine on its own; required on a non-loopback HOST. In the one-process deployment STATE_HUB_API_TOKEN does this.
   */
  @TokenSetting('ENGINE_API_TOKEN')
  ENGINE_API_TOKEN?: string;

  @BoolSetting('API_READS_REQUIRE_TOKEN', false)
  API_READS_REQUIRE_TOKEN = false;

  @NameSetting('REPLICA_ID', /^\S{1,200}$/, 'at most 200 characters without spaces')
  REPLICA_ID = `${hostname()}-${process.pid}`;

  @LogLevelSetting()
  LOG_LEVEL: LogLevelName = 'info';

  /** Readable lines when the logs go to a terminal, JSON lines otherwise. */
  @LogFormatSetting()
  LOG_FORMAT: LogFormatName = defaultLogFormat(process.stdout);

  @IntSetting('SHELL_OUTPUT_LIMIT_BYTES', 256, 1048576)
  SHELL_OUTPUT_LIMIT_BYTES = 16384;

  /** The only variable shell instructions inherit from the engine: its secrets stay out of scripts. */
  @IsOptional()
  @IsString()
  PATH = '/usr/local/bin:/usr/bin:/bin';

  @IntSetting('RUN_SWEEP_INTERVAL_MS', 100, 3600000)
  RUN_SWEEP_INTERVAL_MS = 60000;

  /**
   * Events a replica runs at once (also its pull batch from JetStream). Their claims and outcomes share a
   * statement each, so more in flight means fewer commits per event; a slow instruction holds its slot until done.
   */
  @IntSetting('ENGINE_MAX_IN_FLIGHT', 1, 1024)
  ENGINE_MAX_IN_FLIGHT = 128;

  /** How long a run waits for an unreachable database (to claim it, or to record its outcome) before failing. */
  @IntSetting('DB_OUTAGE_WAIT_SECONDS', 0, 86400)
  DB_OUTAGE_WAIT_SECONDS = 600;

  /**
   * Sequences of the JetStream dead-letter stream a list (or a redrive by filter) looks through, from the newest
   * back (a redriven letter leaves its sequence empty); the answer counts the older letters it left out. Each is one
   * read of the stream.
   */
  @IntSetting('DEAD_LETTER_SCAN_LIMIT', 100, 1000000)
  DEAD_LETTER_SCAN_LIMIT = 10000;
}

/** Validates raw environment values; throws a ConfigError naming every bad variable. */
export function validateConfig(raw: Record<string, unknown>): AppConfig {
  return validateEnvironment(AppConfig, raw);
}

/** The engine on its own: validateConfig, and a non-loopback HOST needs ENGINE_API_TOKEN. */
export function validateStandaloneConfig(raw: Record<string, unknown>): AppConfig {
  const config = validateConfig(raw);
  assertNetworkAccessProtected(config.HOST, config.ENGINE_API_TOKEN, 'ENGINE_API_TOKEN');
  return config;
}

export { ConfigError };

/** Values that win over the environment (tests use this; main passes none). */
export type ConfigOverrides = Partial<Record<string, string | undefined>>;

/** What `${VAR}` in definition files is read from: the engine's environment plus overrides. */
export function definitionEnvironment(overrides: ConfigOverrides): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
