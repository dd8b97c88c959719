// What the hub needs to know about one git host's webhooks: how it signs, which
// headers name the event and the delivery, and where a push payload keeps the
// ref, the commits and the repository's URLs.
import type { WebhookHost } from '@state-hub/db';
import { BadRequestError } from '@state-hub/nest-http';
import type { z } from 'zod';

/** What kind of delivery the event header names. */
export type WebhookEventKind = 'ping' | 'push' | 'other';

/** A push as every host reports it, before the hub checks it. */
export interface HostPush {
  ref: string;
  /** The ref's head before the push (all zeros when the push created the ref). */
  before: string;
  /** The ref's head after the push (all zeros when the push deleted the ref). */
  after: string;
  /** The host says the ref was deleted (GitHub's `deleted`); all-zero `after` says the same. */
  deleted: boolean;
  pusher?: string;
  commitCount?: number;
  /** Every URL the payload gives for the repository (clone, ssh, web). */
  repoUrls: string[];
}

export interface WebhookHostSpec {
  host: WebhookHost;
  /** Its name for people: GitHub, Gitea, GitLab. */
  label: string;
  /** The header carrying the signature (or token), as the host's docs spell it. */
  signatureHeader: string;
  /** How the signature header's value proves the body came from a holder of the secret. */
  signatureMatches(secret: string, body: Buffer, signature: string): boolean;
  eventHeader: string;
  /** Headers that may carry the delivery's id, in order of preference. */
  deliveryHeaders: readonly string[];
  kindOf(event: string): WebhookEventKind;
  /** Reads a push payload; throws a 400 naming the first bad field. */
  readPush(payload: unknown): HostPush;
}

/** Parses `payload` with `schema`, or throws a 400 naming each bad field (the first one as `field`). */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, label: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => ({
    field: issue.path.map(String).join('.') || 'request body',
    message: issue.message,
  }));
  const message = `not a ${label} push payload: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`;
  throw new BadRequestError(message, issues[0]?.field);
}

/** The strings among `values`, without empties and repeats. */
export function urlsOf(...values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
}
