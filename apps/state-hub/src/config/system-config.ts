// The one process's configuration: the hub's settings and the engine's, read
// from the same environment and validated together (one line per problem). The
// settings both sides read (PORT, HOST, DATABASE_URL, NATS_URL, NATS_STREAM, LOG_*)
// are the hub's: one port, one database, one stream.
import { ConfigError } from '@state-hub/config';
import { type EngineConfig, type EventDelivery, validateEngineConfig } from '@state-hub/engine';
import { type HubConfig, validateHubConfig } from '@state-hub/hub';

export type SystemConfig = EngineConfig & HubConfig;

export function validateSystemConfig(raw: Record<string, unknown>): SystemConfig {
  const problems: string[] = [];
  const attempt = <T>(validate: () => T): T | undefined => {
    try {
      return validate();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems.filter((p) => !problems.includes(p)));
      return undefined;
    }
  };
  const hub = attempt(() => validateHubConfig(raw));
  // The engine reads the hub's port (for ${STATE_HUB_URL}) and never opens a database or NATS of its own here.
  const engine = attempt(() =>
    validateEngineConfig({ ...raw, PORT: hub?.PORT, HOST: hub?.HOST, NATS_URL: raw['NATS_URL'] || undefined }),
  );
  if (!hub || !engine) throw new ConfigError(problems);
  return Object.assign(engine, hub, { NATS_URL: hub.NATS_URL });
}

/** JetStream when NATS_URL is set; otherwise events go from the outbox to the engine in this process. */
export function eventDelivery(config: Pick<HubConfig, 'NATS_URL'>): EventDelivery {
  return config.NATS_URL ? 'jetstream' : 'outbox';
}

/** The process's own URL, which `${STATE_HUB_URL}` in definitions means unless it is set. */
export function ownUrl(config: Pick<HubConfig, 'HOST' | 'PORT'>): string {
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
