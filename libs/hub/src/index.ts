// The hub (read model, sanctioned writes, outbox relay, sweep endpoints) as
// Nest modules: apps/state-hub-api runs it alone, apps/state-hub with the engine.
export {
  AppModule as HubAppModule,
  type ConfigOverrides as HubConfigOverrides,
  HubModule,
  hubLoggerModule,
} from './lib/app/app.module';
export { configureApp as configureHubApp } from './lib/app/configure-app';
export { hubHttpAdapter } from './lib/app/http-adapter';
export { type AppConfig as HubConfig, ConfigError, validateConfig as validateHubConfig } from './lib/config/app-config';
export { buildOpenApiDocument as buildHubOpenApiDocument } from './lib/openapi/build-openapi-document';
export { generateHubDocument } from './lib/openapi/generate-openapi-document';
export { APP_VERSION as HUB_VERSION } from './lib/version';
