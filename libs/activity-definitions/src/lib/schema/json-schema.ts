// The JSON Schema editors validate definition files against. It describes the
// input as written (defaults optional); checks that need code (cron, CEL,
// timezones) are only done by the loader and the lint CLI.
import { z } from 'zod';
import { ActivityDefinitionSchema } from './activity-definition-schema';

export function activityDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ActivityDefinitionSchema, { target: 'draft-2020-12', io: 'input' });
}
