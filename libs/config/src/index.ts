export {
  emptyToUndefined,
  IntSetting,
  LOG_LEVELS,
  LogLevelSetting,
  toInt,
  TokenSetting,
  type LogLevelName,
} from './lib/env-settings';
export { ConfigError, validateEnvironment } from './lib/validate-environment';
export { validatedConfigModule } from './lib/config-module';
