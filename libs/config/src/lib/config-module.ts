import { ConfigModule } from '@nestjs/config';

/**
 * The global ConfigModule of an app: environment (and `.env`) validated by `validate`, with
 * `overrides` winning. Tests pass overrides, and then a stray `.env` in the working directory
 * is not read, so they see only what they ask for.
 */
export function validatedConfigModule<T>(
  validate: (raw: Record<string, unknown>) => T,
  overrides: Record<string, string | undefined> = {},
) {
  return ConfigModule.forRoot({
    isGlobal: true,
    cache: true,
    ignoreEnvFile: Object.keys(overrides).length > 0,
    validate: (raw) => validate({ ...raw, ...overrides }) as Record<string, unknown>,
  });
}
