// Boots the real engine (same module, same setup as main.ts) for e2e tests:
// HTTP via supertest and the JetStream consumer on the test's own nats-server.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { configureApp, connectEventConsumer } from '../app/configure-app';
import type { ConfigOverrides } from '../config/app-config';
import { CronScheduler } from '../cron/cron-scheduler.service';
import { DefinitionsService } from '../definitions/definitions.service';
import { RunSweeper } from '../runs/run-sweeper.service';

export interface TestEngine {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  cron: CronScheduler;
  definitions: DefinitionsService;
  sweeper: RunSweeper;
  close(): Promise<void>;
}

export interface TestEngineOptions {
  databaseUrl: string;
  natsUrl: string;
  definitionsDir: string;
  replica?: string;
  env?: ConfigOverrides;
}

export async function startTestEngine(options: TestEngineOptions): Promise<TestEngine> {
  const env: ConfigOverrides = {
    LOG_LEVEL: 'silent',
    // Pin what the developer's shell might set, so tests only see what they ask for.
    ENGINE_API_TOKEN: '',
    API_READS_REQUIRE_TOKEN: '',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    NATS_URL: options.natsUrl,
    ACTIVITY_DEFINITIONS_DIR: options.definitionsDir,
    REPLICA_ID: options.replica ?? 'test-replica',
    ...options.env,
  };
  // @nestjs/config copies validated values into process.env; keep tests from leaking into each other.
  const saved = { ...process.env };
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureApp(app);
    connectEventConsumer(app);
    await app.init();
    await app.startAllMicroservices();
    return {
      app,
      http: () => request(app.getHttpServer()),
      cron: app.get(CronScheduler),
      definitions: app.get(DefinitionsService),
      sweeper: app.get(RunSweeper),
      close: () => app.close(),
    };
  } finally {
    process.env = saved;
  }
}
