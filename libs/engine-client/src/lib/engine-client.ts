// The engine's API (apps/event-consumer: definitions, runs, health) as a typed
// client, built like the hub's: same options, same ApiError, same `call()`.
import { type ApiClientOptions, createApiClient } from '@state-hub/hub-client';
import type { Client } from 'openapi-fetch';
import type { components, paths } from './generated/engine-api';

export type EnginePaths = paths;
/** The engine's component schemas by name, e.g. `EngineSchemas['RunView']`. */
export type EngineSchemas = components['schemas'];
export type EngineSchemaName = keyof EngineSchemas;
export type EngineClient = Client<EnginePaths>;

export function createEngineClient(options: ApiClientOptions): EngineClient {
  return createApiClient<EnginePaths>(options);
}
