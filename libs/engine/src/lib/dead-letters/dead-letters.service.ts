// List, show and redrive dead letters, the same way in both delivery modes (the
// box of the mode keeps them). A redrive goes letter by letter: each one's
// outcome is reported, and a letter that fails stays where it is.
import { Injectable, Logger } from '@nestjs/common';
import { JetStreamApiError } from '@nats-io/jetstream';
import { BadRequestError, classifyDatabaseError, DomainError, NotFoundError } from '@state-hub/nest-http';
import { type DeadLetterFilter, type DeadLetterRecord, DeadLetterBox, RedriveRefusedError } from './dead-letter-box';
import { DeadLetterDetailView, type DeadLetterPageView, DeadLetterView } from './dto/dead-letter.view';
import type { DeadLetterFilterDto } from './dto/dead-letter-filter.dto';
import type { ListDeadLettersQueryDto } from './dto/list-dead-letters-query.dto';
import type { RedriveDeadLettersDto } from './dto/redrive-dead-letters.dto';
import type { RedriveItemView, RedriveOutcome, RedriveResultView } from './dto/redrive-result.view';

interface Target {
  id: string;
  letter?: DeadLetterRecord;
}

@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger('DeadLetters');

  constructor(private readonly box: DeadLetterBox) {}

  async list(query: ListDeadLettersQueryDto): Promise<DeadLetterPageView> {
    const { letters, unsearched } = await this.box.list(toFilter(query, query.limit));
    return {
      items: letters.map((l) => DeadLetterView.from(l)),
      limit: query.limit,
      delivery: this.box.delivery,
      unsearched,
    };
  }

  async get(id: string): Promise<DeadLetterDetailView> {
    const letter = await this.box.get(this.box.checkId(id, 'id'));
    if (!letter) throw new NotFoundError(`dead letter ${id} not found`, 'id');
    return DeadLetterDetailView.from(letter);
  }

  async redrive(body: RedriveDeadLettersDto): Promise<RedriveResultView> {
    if (body.ids && body.filter) throw new BadRequestError('give either ids or filter, not both', 'filter');
    if (!body.ids && !body.filter) throw new BadRequestError('ids or filter is required', 'ids');
    const by = body.redriven_by ?? 'api';
    let unsearched = 0;
    let targets: Target[];
    if (body.ids) targets = await this.byIds(body.ids);
    else {
      const found = await this.box.list(toFilter(body.filter ?? {}, body.filter?.limit ?? 100));
      targets = found.letters.map((letter) => ({ id: letter.id, letter }));
      unsearched = found.unsearched;
    }
    const items: RedriveItemView[] = [];
    for (const target of targets) items.push(await this.redriveOne(target, body.dry_run, by));
    const counts = { redriven: 0, would_redrive: 0, not_found: 0, failed: 0 };
    for (const item of items) counts[item.outcome] += 1;
    return { dry_run: body.dry_run, redriven_by: by, items, counts, unsearched };
  }

  /** Every id is checked before any letter is read: a malformed one is a 400 and nothing happens. */
  private async byIds(ids: string[]): Promise<Target[]> {
    const checked = [...new Set(ids.map((id, i) => this.box.checkId(id, `ids[${i}]`)))];
    const targets: Target[] = [];
    for (const id of checked) targets.push({ id, letter: await this.box.get(id) });
    return targets;
  }

  private async redriveOne({ id, letter }: Target, dryRun: boolean, by: string): Promise<RedriveItemView> {
    if (!letter) return item(id, 'not_found', { error: 'no dead letter has this id' });
    const subject = letter.original_subject;
    if (dryRun) {
      return letter.unredrivable
        ? item(id, 'failed', { subject, error: letter.unredrivable })
        : item(id, 'would_redrive', { subject, count: letter.redrive_count + 1 });
    }
    try {
      const receipt = await this.box.redrive(letter, by);
      this.logger.log(`dead letter ${id} (${subject}) redriven as ${receipt.republished_as} by ${by}`);
      return item(id, 'redriven', { subject, count: receipt.redrive_number, republished: receipt.republished_as });
    } catch (error) {
      const reason = describeFailure(error);
      if (error instanceof RedriveRefusedError)
        this.logger.warn(`dead letter ${id} (${subject}) not redriven: ${reason}`);
      else this.logger.error(`redrive of dead letter ${id} (${subject}) failed: ${String(error)}`);
      return item(id, 'failed', { subject, error: reason });
    }
  }
}

function toFilter(dto: DeadLetterFilterDto, limit: number): DeadLetterFilter {
  return {
    ...(dto.subject && { subject: dto.subject }),
    ...(dto.reason && { reason: dto.reason }),
    ...(dto.since && { since: new Date(dto.since) }),
    limit,
  };
}

function item(
  id: string,
  outcome: RedriveOutcome,
  more: { subject?: string; count?: number; republished?: string; error?: string },
): RedriveItemView {
  return {
    id,
    outcome,
    original_subject: more.subject ?? null,
    redrive_count: more.count ?? null,
    republished_as: more.republished ?? null,
    error: more.error ?? null,
  };
}

/** What the answer says about a failed redrive: our own reasons in full, never SQL. */
function describeFailure(error: unknown): string {
  if (error instanceof RedriveRefusedError || error instanceof DomainError) return error.message;
  if (error instanceof JetStreamApiError) return `NATS refused: ${error.message}`;
  const db = classifyDatabaseError(error);
  if (db?.kind === 'unavailable') return 'the database is unavailable; retry shortly';
  if (db) return 'the database refused the redrive log entry (see the engine log)';
  return error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error);
}
