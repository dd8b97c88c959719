// One error type and one `call()` for both clients: they live in hub-client.
export {
  ApiError,
  type ApiClientOptions,
  type ApiErrorKind,
  call,
  type CallOptions,
  componentJsonSchema,
  isApiError,
} from '@state-hub/hub-client';
export {
  createEngineClient,
  type EngineClient,
  type EnginePaths,
  type EngineSchemaName,
  type EngineSchemas,
} from './lib/engine-client';
export * from './lib/engine-vocabulary';
