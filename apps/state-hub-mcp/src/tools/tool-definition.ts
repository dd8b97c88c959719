// What a tool is: a name an agent calls, a one-line description of when to
// call it, an input schema (checked before `run`), the hub's component schema
// its structured result is (its output schema), and `run`, which asks the hub.
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { HubSchemaName, HubSchemas } from '@state-hub/hub-client';
import type { HubApi } from '../hub/hub-api.service';

export interface ToolOutcome<O> {
  /** The structured result (`structuredContent`). */
  data: O;
  /** A short rendering for the agent to read (`content`). */
  text: string;
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends HubSchemaName = HubSchemaName> {
  name: string;
  title: string;
  description: string;
  input: I;
  /** The component schema (an object) of the hub's OpenAPI document that `run` answers. */
  output: O;
  annotations: ToolAnnotations;
  // Method syntax on purpose: a list of tools holds definitions of different argument types.
  run(args: z.output<I>, hub: HubApi): Promise<ToolOutcome<HubSchemas[O]>>;
}

/** Identity, for type inference of `run`'s arguments from `input`. */
export function defineTool<I extends z.ZodObject, O extends HubSchemaName>(
  tool: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return tool;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };
export const SANCTIONED_WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};

/** A problem with the arguments that the schema cannot express (e.g. "exactly one of"). */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}
