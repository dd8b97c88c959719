import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Bad settings; `problems` holds one line per bad setting, each naming it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(typeof problems === 'string' ? problems : `Invalid configuration:\n${list.map((l) => `  ${l}`).join('\n')}`);
    this.problems = list;
  }
}

/**
 * What an app prints on stderr for bad settings before it exits 1: `<app>: <problem>`, one line per
 * problem, and no stack (the operator fixes a setting, not the code).
 */
export function configErrorText(app: string, error: ConfigError): string {
  return error.problems.map((p) => `${app}: ${p}\n`).join('');
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
    const problems = errors.map((e) => {
      const shown = SECRET.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown})`;
    });
    throw new ConfigError(problems);
  }
  return config;
}
