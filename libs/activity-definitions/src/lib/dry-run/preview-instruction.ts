// The instruction a run would carry out, rendered the way the engine's runners
// render it (libs/engine/src/lib/runs/instructions) but never executed.
// The run id does not exist yet: RUN_ID_PLACEHOLDER stands in for it.
import type { Instruction } from '../schema/instruction-schema';
import { DEFAULT_RETRY } from '../schema/instruction-schema';
import { renderTemplate } from '../template/render-template';

export const RUN_ID_PLACEHOLDER = '<run-id>';
export const ENGINE_PUBLISHER = 'activity-engine';
export const EVENT_JSON_PREVIEW_CHARS = 120;

/** Header and env values under names like these are printed as `<redacted: N chars>`. */
const SECRET_NAME =
  /^(?:authorization|proxy-authorization|cookie)$|token|secret|password|passwd|api[-_]?key|credential/i;

interface Failure {
  on_failure: string;
  /** Attempts in total (1 unless on_failure is retry). */
  attempts: number;
  backoff_seconds?: number;
}

export type InstructionPreview =
  | ({
      kind: 'http';
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: unknown;
      expect_status: string;
      timeout_seconds: number;
    } & Failure)
  | ({ kind: 'shell'; cmd: string; cwd?: string; env: Record<string, string>; timeout_seconds: number } & Failure)
  | ({
      kind: 'publish';
      event_type: string;
      publisher: string;
      correlation_id: string;
      causation_id?: string;
      attributes: Record<string, unknown>;
    } & Failure);

/** Throws TemplateError when a placeholder cannot be rendered (the run would fail). */
export function previewInstruction(instruction: Instruction, data: Record<string, unknown>): InstructionPreview {
  const failure: Failure =
    instruction.on_failure === 'retry'
      ? {
          on_failure: 'retry',
          attempts: instruction.retry?.max_attempts ?? DEFAULT_RETRY.max_attempts,
          backoff_seconds: instruction.retry?.backoff_seconds ?? DEFAULT_RETRY.backoff_seconds,
        }
      : { on_failure: instruction.on_failure, attempts: 1 };
  switch (instruction.kind) {
    case 'http': {
      const url = String(renderTemplate(instruction.url, data));
      const own = renderTemplate(instruction.headers ?? {}, data) as Record<string, string>;
      const body = instruction.body === undefined ? undefined : renderTemplate(instruction.body, data);
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      for (const [name, value] of Object.entries(own)) {
        if (name.toLowerCase() !== 'idempotency-key') headers[name] = redacted(name, String(value));
      }
      headers['idempotency-key'] = RUN_ID_PLACEHOLDER;
      const expect = [instruction.expect_status ?? []].flat();
      return {
        kind: 'http',
        method: instruction.method,
        url,
        headers,
        ...(body === undefined ? {} : { body }),
        expect_status: expect.length > 0 ? expect.join(', ') : 'any 2xx',
        timeout_seconds: instruction.timeout_seconds,
        ...failure,
      };
    }
    case 'shell': {
      const extra = renderTemplate(instruction.env ?? {}, data) as Record<string, unknown>;
      const env: Record<string, string> = { PATH: "<the engine's PATH>" };
      for (const [name, value] of Object.entries(extra)) {
        env[name] = redacted(name, typeof value === 'string' ? value : JSON.stringify(value));
      }
      env['ACTIVITY_EVENT_JSON'] = truncate(JSON.stringify(data['event'] ?? null), EVENT_JSON_PREVIEW_CHARS);
      env['ACTIVITY_RUN_ID'] = RUN_ID_PLACEHOLDER;
      env['IDEMPOTENCY_KEY'] = RUN_ID_PLACEHOLDER;
      return {
        kind: 'shell',
        cmd: instruction.cmd,
        ...(instruction.cwd === undefined ? {} : { cwd: instruction.cwd }),
        env,
        timeout_seconds: instruction.timeout_seconds,
        ...failure,
      };
    }
    case 'publish': {
      const attributes = renderTemplate(instruction.attributes, data) as Record<string, unknown>;
      const trigger = (data['event'] ?? undefined) as { id?: unknown; correlation_id?: unknown } | undefined;
      const id = typeof trigger?.id === 'string' ? trigger.id : undefined;
      const correlation = typeof trigger?.correlation_id === 'string' ? trigger.correlation_id : undefined;
      return {
        kind: 'publish',
        event_type: instruction.event_type,
        publisher: ENGINE_PUBLISHER,
        correlation_id: correlation ?? id ?? RUN_ID_PLACEHOLDER,
        ...(id ? { causation_id: id } : {}),
        attributes,
        ...failure,
      };
    }
  }
}

function redacted(name: string, value: string): string {
  return SECRET_NAME.test(name) && value !== '' ? `<redacted: ${value.length} chars>` : value;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
