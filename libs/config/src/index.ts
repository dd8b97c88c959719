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
