export { ApiError, type ApiErrorInit, type ApiErrorKind, type ApiRequestFacts } from './lib/api-error';
export { type ApiResult, call, type CallOptions, isApiError } from './lib/api-call';
export { type ApiClientOptions, createApiClient, DEFAULT_TIMEOUT_MS } from './lib/create-api-client';
export { componentJsonSchema, type JsonSchema, type OpenApiDocumentLike } from './lib/component-json-schema';
export { createHubClient, type HubClient, type HubPaths, type HubSchemaName, type HubSchemas } from './lib/hub-client';
export { hubJsonSchema, hubOpenApiDocument } from './lib/hub-document';
export * from './lib/hub-vocabulary';
