// Context sources: data fetched before the rule runs, bound to a CEL variable.
import { z } from 'zod';
import { HeadersSchema, HttpUrlSchema, timeoutSeconds } from './http-fields';
import { BIND_NAME_PATTERN, bindNameProblem } from './names';

const BindSchema = z
  .string()
  .regex(BIND_NAME_PATTERN, { error: 'must be a lowercase identifier ([a-z_][a-z0-9_]*)' })
  .superRefine((name, ctx) => {
    const problem = bindNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Name the result is bound to in rules; a failure binds { error, status? }.');

export const HttpGetContextSchema = z
  .strictObject({
    kind: z.literal('http_get'),
    url: HttpUrlSchema,
    bind: BindSchema,
    timeout_seconds: timeoutSeconds(5, 120),
    headers: HeadersSchema.optional(),
  })
  .describe('GET a URL and bind its JSON body.');

export const ContextSourceSchema = z.discriminatedUnion('kind', [HttpGetContextSchema]);

export const ContextSchema = z
  .array(ContextSourceSchema)
  .max(20)
  .superRefine((sources, ctx) => {
    const seen = new Set<string>();
    sources.forEach((source, index) => {
      if (seen.has(source.bind)) {
        ctx.addIssue({ code: 'custom', path: [index, 'bind'], message: `"${source.bind}" is bound twice` });
      }
      seen.add(source.bind);
    });
  })
  .describe('Fetched in order before the rule is evaluated.');

export type ContextSource = z.output<typeof ContextSourceSchema>;
