// The engine's run statuses and definition states, as its OpenAPI document
// states them (generated with the types; never typed by hand).
import {
  definitionStatusViewStateValues,
  runViewStatusValues,
  runViewTrigger_kindValues,
} from './generated/engine-api';
import type { EngineSchemas } from './engine-client';

export type RunStatus = EngineSchemas['RunView']['status'];
export type RunTriggerKind = EngineSchemas['RunView']['trigger_kind'];
export type DefinitionState = EngineSchemas['DefinitionStatusView']['state'];

export const RUN_STATUSES: readonly RunStatus[] = runViewStatusValues;
export const RUN_TRIGGER_KINDS: readonly RunTriggerKind[] = runViewTrigger_kindValues;
export const DEFINITION_STATES: readonly DefinitionState[] = definitionStatusViewStateValues;
