import { z } from 'zod';
import { defineTool, READ_ONLY } from './tool-definition';

export const getHealthTool = defineTool({
  name: 'get_health',
  title: 'Hub health',
  description:
    'Use when other tools fail or answers look stale: whether the hub, its database and event publishing are up.',
  input: z.strictObject({}),
  output: 'HealthView',
  annotations: READ_ONLY,
  async run(_args, hub) {
    // A degraded hub answers 503 with the same body: that is an answer, not a failure.
    const data = await hub.read('HealthView', (api) => api.GET('/state/health'), { answerStatuses: [503] });
    const pending = data.outbox_pending === null ? 'unknown' : String(data.outbox_pending);
    return {
      data,
      text: `hub ${data.status} (version ${data.version}): database ${data.db}, NATS ${data.nats}, ${pending} event(s) waiting in the outbox`,
    };
  },
});
