// The start-up lines of the one process: what runs where.
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { describeDatabase } from '@state-hub/db';
import type { EventDelivery } from '@state-hub/engine';
import { HEALTH_PARTS, type HealthPart } from '@state-hub/nest-http';
import { ownUrl, type SystemConfig } from '../config/system-config';

export async function describeSystem(app: INestApplication, delivery: EventDelivery): Promise<string[]> {
  const config = app.get<ConfigService<SystemConfig, true>>(ConfigService);
  const get = <K extends keyof SystemConfig>(key: K) => config.get(key, { infer: true }) as SystemConfig[K];
  const url = `http://${get('HOST')}:${get('PORT')}`;
  const engine = app.get<HealthPart[]>(HEALTH_PARTS).find((part) => part.name === 'engine');
  const definitions = (await engine?.report())?.['definitions'] as Record<string, number> | undefined;
  const counts = definitions ? Object.entries(definitions).map(([state, n]) => `${n} ${state}`) : ['unknown'];
  return [
    `state-hub listening on ${url}: dashboard at /ui/ (/ redirects there), API described at /docs, engine at /engine/ (health: /state/health)`,
    `database: ${describeDatabase({ url: get('DATABASE_URL'), dataDir: get('STATE_HUB_DATA_DIR') })}`,
    delivery === 'outbox'
      ? 'events: from the outbox straight to the engine in this process (NATS_URL unset)'
      : `events: through JetStream at ${get('NATS_URL')} (stream ${get('NATS_STREAM')}, durable ${get('ENGINE_DURABLE')})`,
    `definitions: ${counts.join(', ')} in ${resolve(get('ACTIVITY_DEFINITIONS_DIR'))} (hot reload on); definitions reach the hub at ${ownUrl({ HOST: get('HOST'), PORT: get('PORT') })} unless STATE_HUB_URL is set`,
  ];
}
