// The composition root of the one-process deployment: the hub's modules and the
// engine's on one configuration, one logger and one database (the hub's), the
// engine's routes under /engine/. It holds no feature logic of its own.
import { type DynamicModule, Module } from '@nestjs/common';
import { validatedConfigModule } from '@state-hub/config';
import { definitionEnvironment, EngineModule } from '@state-hub/engine';
import { HubModule, hubLoggerModule } from '@state-hub/hub';
import { eventDelivery, ownUrl, type SystemConfig, validateSystemConfig } from '../config/system-config';

/** Values that win over the environment (tests use this; main passes none). */
export type SystemOverrides = Partial<Record<keyof SystemConfig, string | undefined>>;

@Module({})
export class SystemModule {
  /** Validates the configuration first (a bad setting rejects with a ConfigError), then composes. */
  static async forRoot(overrides: SystemOverrides = {}): Promise<DynamicModule> {
    const config = validateSystemConfig({ ...process.env, ...overrides });
    // Definitions reach the hub through ${STATE_HUB_URL}: this very process unless it is set.
    const definitionEnv = { STATE_HUB_URL: ownUrl(config), ...definitionEnvironment(overrides) };
    return {
      module: SystemModule,
      imports: [
        await validatedConfigModule(validateSystemConfig, overrides),
        hubLoggerModule('state-hub', ['/state/health', '/engine/health', '/engine/metrics', '/metrics']),
        HubModule,
        EngineModule.forRoot({ delivery: eventDelivery(config), definitionEnv }),
      ],
    };
  }
}
