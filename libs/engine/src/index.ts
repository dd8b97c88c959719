// The activity engine (definitions, runs, cron, event handling) as Nest
// modules: apps/event-consumer runs it alone, apps/state-hub with the hub.
export { AppModule as EngineAppModule } from './lib/app/app.module';
export {
  configureApp as configureEngineApp,
  connectEventConsumer,
  connectOutboxDelivery,
} from './lib/app/configure-app';
export { EngineModule, type EngineModuleOptions } from './lib/app/engine.module';
export { definitionEnvironment, validateConfig as validateEngineConfig } from './lib/config/app-config';
export type { EventDelivery } from './lib/nats/transport-registry';
export { type AppConfig as EngineConfig, type ConfigOverrides as EngineConfigOverrides } from './lib/config/app-config';
export { ConfigError } from './lib/config/app-config';
export { buildOpenApiDocument as buildEngineOpenApiDocument } from './lib/openapi/build-openapi-document';
export { generateEngineDocument } from './lib/openapi/generate-openapi-document';
export { APP_VERSION as ENGINE_VERSION } from './lib/version';
