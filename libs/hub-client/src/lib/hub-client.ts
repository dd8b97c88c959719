// The hub's API as a typed client: paths, parameters, bodies and answers all
// come from the generated types (generated/hub-api.ts, from openapi.json).
import type { Client } from 'openapi-fetch';
import { type ApiClientOptions, createApiClient } from './create-api-client';
import type { components, paths } from './generated/hub-api';

export type HubPaths = paths;
/** The hub's component schemas by name, e.g. `HubSchemas['RepoView']`. */
export type HubSchemas = components['schemas'];
export type HubSchemaName = keyof HubSchemas;
export type HubClient = Client<HubPaths>;

export function createHubClient(options: ApiClientOptions): HubClient {
  return createApiClient<HubPaths>(options);
}
