// What a definition does: an HTTP request, a shell command, or a published event.
import { z } from 'zod';
import { ENVELOPE_EVENT_TYPE_PATTERN } from '@state-hub/envelope';
import { HeadersSchema, HttpUrlSchema, timeoutSeconds } from './http-fields';
import { JsonValueSchema } from './json-value';
import { ATTRIBUTE_NAME_PATTERN, ENV_NAME_PATTERN } from './names';

export const ON_FAILURE = ['log_and_continue', 'fail', 'retry'] as const;
export type OnFailure = (typeof ON_FAILURE)[number];

/** What `on_failure: retry` means when the definition gives no `retry` block. */
export const DEFAULT_RETRY = { max_attempts: 3, backoff_seconds: 5 } as const;

const RetrySchema = z
  .strictObject({
    max_attempts: z.int().min(1).max(10).default(DEFAULT_RETRY.max_attempts).describe('Attempts in total, 1..10.'),
    backoff_seconds: z.int().min(0).max(3600).default(DEFAULT_RETRY.backoff_seconds).describe('Wait before a retry.'),
  })
  .describe('Only with on_failure: retry.');

const failureShape = {
  on_failure: z
    .enum(ON_FAILURE)
    .default('log_and_continue')
    .describe('log_and_continue (default): record and go on; fail: record the run as failed; retry: try again.'),
  retry: RetrySchema.optional(),
};

const StatusCodeSchema = z.int().min(100).max(599);

export const HttpInstructionSchema = z
  .strictObject({
    kind: z.literal('http'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: HttpUrlSchema,
    headers: HeadersSchema.optional(),
    body: JsonValueSchema.optional().describe('JSON body; {{ path }} placeholders in strings are rendered per run.'),
    expect_status: z
      .union([StatusCodeSchema, z.array(StatusCodeSchema).min(1)])
      .optional()
      .describe('Status code(s) that count as success; any 2xx when absent.'),
    timeout_seconds: timeoutSeconds(30, 3600),
    ...failureShape,
  })
  .describe('Send an HTTP request.');

// DESIGN §5: event data never reaches the command string, only the environment.
const CommandSchema = z
  .string()
  .min(1)
  .refine((cmd) => !cmd.includes('{{'), {
    error: 'must not contain {{ placeholders: pass run data through env and read it as $NAME in the command',
  })
  .describe('Command line run by the shell. Run data goes in through env, never into this string.');

export const ShellInstructionSchema = z
  .strictObject({
    kind: z.literal('shell'),
    cmd: CommandSchema,
    cwd: z.string().min(1).optional().describe('Working directory.'),
    env: z
      .record(z.string().regex(ENV_NAME_PATTERN, { error: 'must be an environment variable name' }), z.string())
      .optional()
      .describe('Extra environment variables; values may use {{ path }} placeholders.'),
    timeout_seconds: timeoutSeconds(undefined, 3600),
    ...failureShape,
  })
  .describe('Run a shell command.');

function isConcreteEventType(subject: string): boolean {
  return ENVELOPE_EVENT_TYPE_PATTERN.test(subject);
}

export const PublishInstructionSchema = z
  .strictObject({
    kind: z.literal('publish'),
    event_type: z
      .string()
      .refine(isConcreteEventType, {
        error: (issue) =>
          `must be a concrete subject org.<publisher>.<noun>.<verb> in lowercase, without wildcards, got ${JSON.stringify(issue.input)}`,
      })
      .describe('Subject of the published event; no wildcards.'),
    attributes: z
      .record(z.string().regex(ATTRIBUTE_NAME_PATTERN, { error: 'attribute keys are snake_case' }), JsonValueSchema)
      .describe('Event attributes (a JSON object); {{ path }} placeholders in strings are rendered per run.'),
    ...failureShape,
  })
  .describe('Publish an event.');

export const InstructionSchema = z
  .discriminatedUnion('kind', [HttpInstructionSchema, ShellInstructionSchema, PublishInstructionSchema])
  .superRefine((instruction, ctx) => {
    if (instruction.retry && instruction.on_failure !== 'retry') {
      ctx.addIssue({ code: 'custom', path: ['retry'], message: 'only allowed with on_failure: retry' });
    }
  });

export type Instruction = z.output<typeof InstructionSchema>;
export type HttpInstruction = z.output<typeof HttpInstructionSchema>;
export type ShellInstruction = z.output<typeof ShellInstructionSchema>;
export type PublishInstruction = z.output<typeof PublishInstructionSchema>;
