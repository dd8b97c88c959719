// The `publish` instruction: an envelope from the engine, published once per run
// (the msgID is derived from the run id, so a retried attempt is a duplicate).
// An event on a catalog subject must fit the catalog, or it is never published (DESIGN §3).
import { type PublishInstruction, renderTemplate } from '@state-hub/activity-definitions';
import { createEnvelope } from '@state-hub/envelope';
import { checkCatalogEvent } from '../../events/catalog-event-check';
import type { EventPublisher } from '../../nats/event-publisher.service';
import type { InstructionInput, InstructionOutcome } from './instruction-outcome';

export const ENGINE_PUBLISHER = 'activity-engine';

export async function runPublishInstruction(
  instruction: PublishInstruction,
  input: InstructionInput,
  publisher: EventPublisher,
): Promise<InstructionOutcome> {
  const attributes = renderTemplate(instruction.attributes, input.data) as Record<string, unknown>;
  const trigger = input.data['event'] as { id?: string; correlation_id?: string } | undefined;
  const envelope = createEnvelope({
    type: instruction.event_type,
    publisher: ENGINE_PUBLISHER,
    attributes,
    correlation_id: trigger?.correlation_id ?? trigger?.id ?? input.runId,
    ...(trigger?.id ? { causation_id: trigger.id } : {}),
  });
  const msgId = `activity-run:${input.runId}`;
  const refused = checkCatalogEvent(envelope.type, envelope);
  if (refused !== undefined) {
    const result = { event_type: envelope.type, msg_id: msgId };
    return { ok: false, final: true, result, error: `not published: ${refused}` };
  }
  try {
    const ack = await publisher.publish(envelope, msgId);
    return { ok: true, result: { event_id: envelope.id, event_type: envelope.type, msg_id: msgId, ...ack } };
  } catch (error) {
    return {
      ok: false,
      result: { event_type: envelope.type, msg_id: msgId },
      error: `publishing ${envelope.type} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
