export {
  BoolSetting,
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
export { redactHeaders, redactSecrets, redactText, redactUrl, registerSecret, SECRET_MARKER } from './lib/secrets';
export { assertNetworkAccessProtected, isLoopbackHost } from './lib/network-access';
export { SERVER_NODE_FLAGS } from './lib/node-flags';
export {
  describeHeapTrim,
  type HeapTrim,
  IDLE_HEAP_TRIM,
  type IdleHeapTrimOptions,
  trimHeapNow,
  trimHeapWhenIdle,
} from './lib/idle-heap-trim';
