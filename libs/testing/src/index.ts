export { eventually } from './lib/eventually';
export { listenForNotifications, type NotificationListener } from './lib/notification-listener';
export { freePort } from './lib/free-port';
export { postgresBinDir, startPostgresServer, type PostgresServer } from './lib/postgres-server';
export {
  adminDatabaseUrl,
  createTestDatabase,
  DEFAULT_ADMIN_URL,
  withDatabase,
  type TestDatabase,
} from './lib/test-database';
export { natsServerBinary, spawnNatsServer, startNatsServer, type NatsServer } from './lib/nats-server';
export { type ClusterNode, type NatsCluster, startNatsCluster } from './lib/nats-cluster';
export { startNodeService, type NodeService, type NodeServiceOptions } from './lib/node-service';
export { runToExit, type ExitedRun, type RunToExitOptions } from './lib/run-to-exit';
export { readStream, readStreamOnceItHolds, type StoredEvent } from './lib/stream-reader';
export { startHttpSink, type HttpSink, type SunkRequest } from './lib/http-sink';
export {
  type BuiltApp,
  CLI_MAIN,
  ENGINE_MAIN,
  HUB_MAIN,
  requireBuilt,
  STALE_CLEANUP_MAIN,
  startBuiltEngine,
  startBuiltHub,
  startBuiltSystem,
  SYSTEM_MAIN,
  WORKSPACE_ROOT,
} from './lib/built-apps';
export { DefinitionFiles } from './lib/definition-files';
export { createWorkplanRepo, GIT_ENV, type WorkplanRepo, workplanText } from './lib/workplan-repo';
export { GITEA_PUSH_EXAMPLE } from './lib/webhooks/gitea-push.fixture';
export { GITLAB_PUSH_EXAMPLE } from './lib/webhooks/gitlab-push.fixture';
export {
  type DeliveryOptions,
  examplePush,
  GIT_HOSTS,
  githubExamples,
  type GitHostName,
  PUSH_EVENT,
  type PushChanges,
  pushPayload,
  signedDelivery,
  type WebhookDelivery,
} from './lib/webhooks/webhook-deliveries';
