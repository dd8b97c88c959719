// Boots the real API (same module, same setup as main.ts) for e2e tests, on a
// fresh Postgres database of its own unless told otherwise.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import request from 'supertest';
import { AppModule, type ConfigOverrides } from '../app/app.module';
import { configureApp } from '../app/configure-app';
import { hubHttpAdapter } from '../app/http-adapter';

export interface TestApp {
  app: NestFastifyApplication;
  /** `METHOD /path` of every route the HTTP server serves, as Fastify registered them. */
  routes: string[];
  /** A supertest client bound to the app. */
  http: () => ReturnType<typeof request>;
  /** The database the app runs on (absent in embedded mode). */
  db?: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: ConfigOverrides;
  /** Use this database instead of creating one (the caller drops it). */
  databaseUrl?: string;
  /** Run on the embedded database (STATE_HUB_DATA_DIR must be in env). */
  embedded?: boolean;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.embedded || options.databaseUrl ? undefined : await createTestDatabase();
  // Pin what the developer's shell (or a .env file) might set, so tests only see what they ask for.
  const env: ConfigOverrides = {
    LOG_LEVEL: 'silent',
    NATS_URL: '',
    STATE_HUB_API_TOKEN: '',
    API_READS_REQUIRE_TOKEN: '',
    HOST: '127.0.0.1',
    WEBHOOK_SECRET: '',
    DATABASE_URL: options.embedded ? '' : (options.databaseUrl ?? db?.url),
    ...options.env,
  };
  // @nestjs/config copies validated values into process.env; keep tests from leaking into each other.
  const saved = { ...process.env };
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(hubHttpAdapter(), {
      bodyParser: false,
      bufferLogs: true,
    });
    const routes: string[] = [];
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
      });
    configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      routes,
      db,
      http: () => request(app.getHttpServer()),
      close: async () => {
        await app.close();
        await db?.drop();
      },
    };
  } catch (err) {
    await db?.drop();
    throw err;
  } finally {
    process.env = saved;
  }
}
