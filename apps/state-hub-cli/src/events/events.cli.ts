// The `events tail` command: its flags, help and examples.
import type { Command } from 'commander';
import { count, natsUrl, streamName } from '../cli/arg-parsers';
import type { CommandContext } from '../cli/cli-io';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { readEventsEnv } from '../config/cli-env';
import type { TailFlags } from './events-tail.command';

export function addEventCommands(program: Command, { io, done }: CommandContext): void {
  const events = program.command('events').description("The organisation's events (org.>) as they happen.");
  withExamples(events, ['state-hub events tail']);

  const tail = events
    .command('tail')
    .summary('Print each event as it arrives, one line each.')
    .description(
      'Print each event as it arrives, one line each (time, type, publisher, attributes): from JetStream with ' +
        "NATS_URL (an ordered consumer on the stream, nothing left behind), else from the hub's outbox table with " +
        'DATABASE_URL. Ctrl-C stops.',
    )
    .argument('[subject]', 'a subject or pattern, NATS wildcards allowed', 'org.>')
    .option('--count <n>', 'stop after this many events', count)
    .option('--since <when>', 'start this far back: a duration (24h, 7d) or an ISO timestamp (default: from now on)')
    .option('--json', 'print each envelope as received, one JSON object per line', false)
    .option('--nats-url <url>', 'NATS (default: NATS_URL)', natsUrl)
    .option('--stream <name>', 'the stream (default: NATS_STREAM or ACTIVITY_EVENTS)', streamName);
  withExamples(tail, [
    'state-hub events tail',
    "state-hub events tail 'org.statehub.workstream.*' --since 1h",
    "state-hub events tail --json --count 10 | jq -r '.type'",
  ]).action(async (subject: string, flags: TailFlags & { natsUrl?: string; stream?: string }) => {
    const { tailEvents } = await import('./events-tail.command'); // loaded when it runs, not for --help
    done(await tailEvents(subject, flags, readEventsEnv(io.env, flags), io, printerFor(io)));
  });
}
