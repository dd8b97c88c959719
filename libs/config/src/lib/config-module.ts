import type { DynamicModule } from '@nestjs/common';

/**
 * The global ConfigModule of an app: environment (and `.env`) validated by `validate`, with
 * `overrides` winning. Tests pass overrides, and then a stray `.env` in the working directory
 * is not read, so they see only what they ask for. @nestjs/config is loaded here, when an app
 * builds its module, not by everything that imports this library (the CLI, on each start).
 */
export async function validatedConfigModule<T>(
  validate: (raw: Record<string, unknown>) => T,
  overrides: Record<string, string | undefined> = {},
): Promise<DynamicModule> {
  const { ConfigModule } = await import('@nestjs/config');
  return ConfigModule.forRoot({
    isGlobal: true,
    cache: true,
    ignoreEnvFile: Object.keys(overrides).length > 0,
    validate: (raw) => validate({ ...raw, ...overrides }) as Record<string, unknown>,
  });
}
