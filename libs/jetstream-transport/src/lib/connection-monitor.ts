// Follows the NATS connection's status: reconnects are the client's job (it
// retries forever); ours is to log them and report them to Nest.
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamStatus } from './jetstream-events';
import type { TransportLogger } from './jetstream-transport-options';

export interface ConnectionMonitorHooks {
  logger: TransportLogger;
  status(status: JetStreamStatus): void;
  disconnected(server: string): void;
  reconnected(server: string): void;
}

export async function monitorConnection(nc: NatsConnection, hooks: ConnectionMonitorHooks): Promise<void> {
  for await (const s of nc.status()) {
    switch (s.type) {
      case 'disconnect':
        hooks.logger.warn(`NATS connection to ${s.server} lost; reconnecting`);
        hooks.status('disconnected');
        hooks.disconnected(s.server);
        break;
      case 'reconnecting':
        hooks.status('reconnecting');
        break;
      case 'reconnect':
        hooks.logger.log(`NATS connection restored (${s.server})`);
        hooks.status('connected');
        hooks.reconnected(s.server);
        break;
      case 'error':
        hooks.logger.error(`NATS connection error: ${s.error.message}`);
        break;
      case 'ldm':
      case 'staleConnection':
      case 'slowConsumer':
        hooks.logger.warn(`NATS connection: ${s.type}`);
        break;
      default:
        break; // pings, cluster updates: routine
    }
  }
}
