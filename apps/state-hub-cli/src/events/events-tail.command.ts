// `events tail [subject]`: prints each event on the organisation's stream as it
// arrives — from JetStream with NATS_URL, else from the hub's outbox table with
// DATABASE_URL — until Ctrl-C or --count events.
import { isValidSubjectPattern } from '@state-hub/subjects';
import { CommandFailure, EXIT, type ExitCode, UsageError } from '../cli/cli-errors';
import type { CliIo } from '../cli/cli-io';
import type { Printer } from '../cli/printer';
import { timeWindow } from '../compare/time-window';
import type { EventsEnv } from '../config/cli-env';
import type { EventFeed } from './event-feed';
import { eventJson, eventLine } from './event-line';
import { followStream } from './nats-feed';
import { followOutbox } from './outbox-feed';

export interface TailFlags {
  count?: number;
  /** A duration back from now (1h, 7d) or an ISO timestamp; default: from now on. */
  since?: string;
  json: boolean;
}

const NOTHING_TO_FOLLOW =
  'events tail needs NATS_URL (or --nats-url) to follow JetStream, or DATABASE_URL to follow the hub’s outbox table; ' +
  'the embedded database of `npm start` is held by that process (run it with NATS_URL to tail its events)';

async function openFeed(subject: string, since: Date | undefined, env: EventsEnv): Promise<EventFeed> {
  if (env.natsUrl) return followStream({ natsUrl: env.natsUrl, stream: env.stream, subject, since });
  if (env.databaseUrl) return followOutbox({ databaseUrl: env.databaseUrl, subject, since });
  throw new CommandFailure(NOTHING_TO_FOLLOW);
}

export async function tailEvents(
  subject: string,
  flags: TailFlags,
  env: EventsEnv,
  io: Pick<CliIo, 'onInterrupt'>,
  out: Printer,
): Promise<ExitCode> {
  if (!isValidSubjectPattern(subject)) {
    throw new UsageError(`"${subject}" is not a subject or pattern (dot-separated tokens, * and a trailing >)`);
  }
  const since = flags.since === undefined ? undefined : timeWindow(flags.since, undefined).since;
  const feed = await openFeed(subject, since, env);
  let shown = 0;
  let interrupted = false;
  const unsubscribe = io.onInterrupt?.(() => {
    interrupted = true;
    void feed.close();
  });
  const limit = flags.count === undefined ? '' : ` until ${flags.count} event${flags.count === 1 ? '' : 's'}`;
  out.status(`following ${feed.description}${limit} (Ctrl-C stops)`);
  try {
    for await (const message of feed.messages()) {
      if (flags.json) {
        const line = eventJson(message);
        if (line === undefined) {
          out.status(`skipped a message on ${message.subject}: not a JSON object`);
          continue;
        }
        out.line(line);
      } else out.line(eventLine(message, out));
      shown += 1;
      if (flags.count !== undefined && shown >= flags.count) break;
    }
  } finally {
    unsubscribe?.();
    await feed.close();
  }
  out.status(`${interrupted ? 'stopped' : 'done'} after ${shown} event${shown === 1 ? '' : 's'}`);
  return EXIT.ok;
}
