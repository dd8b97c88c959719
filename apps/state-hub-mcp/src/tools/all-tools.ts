// Every tool this server offers. Reads, plus exactly two sanctioned writes:
// the hub is not a task factory, so no tool creates tasks or workstreams.
import { addProgressEventTool, listProgressEventsTool } from './progress-events.tools';
import { getHealthTool } from './health.tool';
import { getNextStepsTool } from './next-steps.tool';
import { getRepoTool, listReposTool } from './repos.tools';
import { listDecisionsTool, resolveDecisionTool } from './decisions.tools';
import type { ToolDefinition } from './tool-definition';
import { getWorkstreamTool, listWorkstreamsTool } from './workstreams.tools';

export const ALL_TOOLS: readonly ToolDefinition[] = [
  getNextStepsTool,
  listReposTool,
  getRepoTool,
  listWorkstreamsTool,
  getWorkstreamTool,
  listDecisionsTool,
  listProgressEventsTool,
  getHealthTool,
  resolveDecisionTool,
  addProgressEventTool,
];
