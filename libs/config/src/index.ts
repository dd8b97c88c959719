export {
  defaultLogFormat,
  emptyToUndefined,
  IntSetting,
  LOG_FORMATS,
  LOG_LEVELS,
  LogFormatSetting,
  LogLevelSetting,
  toInt,
  TokenSetting,
  type LogFormatName,
  type LogLevelName,
} from './lib/env-settings';
export { ConfigError, configErrorText, validateEnvironment } from './lib/validate-environment';
export { validatedConfigModule } from './lib/config-module';
