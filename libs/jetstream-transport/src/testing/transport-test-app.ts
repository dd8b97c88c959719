// Test harness: a tiny hybrid Nest app (no HTTP port) whose controllers receive
// events through a JetStreamServer, wired exactly as an app would wire it.
import { type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JetStreamServer } from '../lib/jetstream-server';
import type { JetStreamTransportOptions, TransportLogger } from '../lib/jetstream-transport-options';

@Module({})
class TransportTestModule {}

export interface MemoryLogger extends TransportLogger {
  lines: string[];
}

/** Keeps log lines for assertions; set JETSTREAM_TRANSPORT_TEST_LOG=1 to see them too. */
export function memoryLogger(prefix = ''): MemoryLogger {
  const lines: string[] = [];
  const echo = process.env['JETSTREAM_TRANSPORT_TEST_LOG'] === '1';
  const write = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
    if (echo) process.stdout.write(`${prefix}${level} ${message}\n`);
  };
  return { lines, log: write('log'), warn: write('warn'), error: write('error') };
}

export interface TransportTestApp {
  app: INestApplication;
  server: JetStreamServer;
  logger: MemoryLogger;
  close(): Promise<void>;
}

export async function startTransportApp(
  controllers: Type[],
  options: JetStreamTransportOptions,
): Promise<TransportTestApp> {
  const logger = memoryLogger(`[${options.durable}] `);
  const server = new JetStreamServer({ logger, ...options });
  const app = await NestFactory.create(
    { module: TransportTestModule, controllers },
    { logger: process.env['JETSTREAM_TRANSPORT_TEST_LOG'] === '1' ? undefined : false },
  );
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  await app.init();
  await app.startAllMicroservices();
  return { app, server, logger, close: () => app.close() };
}
