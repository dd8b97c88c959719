// The engine's OpenAPI document: served at /docs and /docs-json (configure-app.ts)
// and written to libs/engine-client/openapi.json (write-openapi.ts), from this one place.
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument } from '@state-hub/nest-http';
import { APP_VERSION } from '../version';

export const ENGINE_TAGS = {
  health: 'Liveness of the engine (database, NATS, definitions) and Prometheus metrics',
  definitions: 'The ActivityDefinitions of the definitions directory, and running one by hand',
  runs: 'The run history: every run with its trigger, context snapshot, rule outcome and result; and replaying one',
  'dead-letters': 'Events the engine could not take: listing them, and redriving them once the cause is fixed',
} as const;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return createOpenApiDocument(app, {
    title: 'Activity Engine API',
    description:
      'The HTTP side of the activity engine (event-consumer): its health, its definitions, the run history, ' +
      'manual runs and replays, and dead letters. Every error answers with the one `ErrorBodyDto`. When ' +
      'ENGINE_API_TOKEN is set (STATE_HUB_API_TOKEN for the /engine/ routes of the one-process deployment), writes ' +
      'need it as a bearer token, and reads too with API_READS_REQUIRE_TOKEN=true; the health check is always open.',
    version: APP_VERSION,
    server: { url: 'http://127.0.0.1:3001', description: 'an engine on its default HOST and PORT' },
    tags: ENGINE_TAGS,
    // Nest's default body parsers (JSON and urlencoded, 100 kb) read a body sent to any write.
    writeErrors: [
      [400, 'the body is not valid JSON'],
      [401, 'missing, malformed or wrong bearer token (only when a token is set)'],
      [413, 'the request body is larger than 100 kb'],
      415,
    ],
    bearer: {
      description: 'ENGINE_API_TOKEN; STATE_HUB_API_TOKEN for /engine/ in the one-process deployment',
      readError: [401, 'missing, malformed or wrong bearer token (only with API_READS_REQUIRE_TOKEN=true)'],
      open: ['getHealth'],
    },
  });
}
