import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Variables whose values never appear in an error message. */
const SECRET = /TOKEN|PASSWORD|SECRET|_URL$/;

/**
 * Builds a config class from raw environment values, filling defaults, and throws a
 * ConfigError listing every bad variable (secrets shown as `(hidden)`).
 */
export function validateEnvironment<T extends object>(cls: new () => T, raw: Record<string, unknown>): T {
  const config = plainToInstance(cls, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = SECRET.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `  ${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
