import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_HOSTS, type WebhookHost } from '@state-hub/db';

export const WEBHOOK_OUTCOMES = ['pong', 'recorded', 'ignored', 'duplicate'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** What the hub made of a delivery; the git host shows it in its delivery log. */
export class WebhookResultView {
  @ApiProperty({ enum: WEBHOOK_HOSTS, description: 'the git host the delivery came from' })
  host: WebhookHost;

  @ApiProperty({ description: "the host's event name, e.g. push, ping, Push Hook", example: 'push' })
  event: string;

  @ApiProperty({ type: String, nullable: true, description: "the host's delivery id (null for a ping)" })
  delivery_id: string | null;

  @ApiProperty({
    enum: WEBHOOK_OUTCOMES,
    description:
      'pong: a ping, the hook works (200). recorded: the commit is recorded and org.repo.commit.pushed emitted ' +
      'for each repo (202). ignored: nothing to do, see reason (202). duplicate: this delivery id was recorded ' +
      'before; nothing emitted (202)',
  })
  outcome: WebhookOutcome;

  @ApiProperty({ type: String, nullable: true, description: 'why nothing was recorded (ignored, duplicate)' })
  reason: string | null;

  @ApiProperty({ type: [String], description: 'slugs of the registered repos the push was recorded for' })
  repos: string[];

  @ApiProperty({ type: [String], description: 'ids of the org.repo.commit.pushed events, one per repo' })
  event_ids: string[];

  static of(fields: Pick<WebhookResultView, 'host' | 'event' | 'outcome'> & Partial<WebhookResultView>) {
    const view = new WebhookResultView();
    return Object.assign(view, { delivery_id: null, reason: null, repos: [], event_ids: [], ...fields });
  }
}
