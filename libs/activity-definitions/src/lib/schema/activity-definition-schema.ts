// The ActivityDefinition contract (DESIGN §5): one schema, from which the type,
// the JSON Schema for editors and the loader's validation all come.
import { z } from 'zod';
import { ContextSchema } from './context-schema';
import { InstructionSchema } from './instruction-schema';
import { DEFINITION_ID_MAX_LENGTH, DEFINITION_ID_PATTERN } from './names';
import { TriggerSchema } from './trigger-schema';

export const RuleSchema = z
  .strictObject({
    when: z
      .array(z.string().min(1).max(4000))
      .min(1)
      .max(50)
      .describe('CEL expressions over event, now and the context bindings; all must be true.'),
  })
  .describe('Whether to act; a declined run is recorded as skipped with the reason.');

export const ActivityDefinitionSchema = z
  .strictObject({
    id: z
      .string()
      .max(DEFINITION_ID_MAX_LENGTH)
      .regex(DEFINITION_ID_PATTERN, {
        error: (issue) =>
          `must be lowercase letters and digits joined by single dots or dashes, got ${JSON.stringify(issue.input)}`,
      })
      .describe('Unique, stable id, e.g. the-custodian.state-hub-consistency-sweep. Runs are keyed by it.'),
    description: z.string().max(4000).optional(),
    enabled: z.boolean().default(true).describe('A disabled definition is validated but never runs.'),
    trigger: TriggerSchema,
    context: ContextSchema.optional(),
    rule: RuleSchema.optional(),
    instruction: InstructionSchema,
  })
  .meta({
    title: 'ActivityDefinition',
    description:
      'A State Hub activity definition: when to run (trigger), whether to act (context + rule) and what to do (instruction).',
  });

export type ActivityDefinition = z.output<typeof ActivityDefinitionSchema>;
export type Rule = z.output<typeof RuleSchema>;
