// Builds an app's OpenAPI document the same way for every HTTP side: info,
// license, server, tags declared once, the one error schema, the errors every
// write can answer, and bearer auth: on writes, optional on reads (needed with
// API_READS_REQUIRE_TOKEN), never on the open routes (health).
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, type OperationObject, SwaggerModule } from '@nestjs/swagger';
import { errorResponse, type ErrorSpec, errorSpec } from './api-errors.decorator';
import { ErrorBodyDto } from './error-body.dto';

export interface OpenApiSpec {
  title: string;
  description: string;
  version: string;
  /** Where a client reaches the app by default. */
  server: { url: string; description: string };
  /** Every tag the operations use, with what it groups, in display order. */
  tags: Record<string, string>;
  /** Errors any write (POST, PUT, PATCH, DELETE) can answer, added to each write that does not name them itself. */
  writeErrors: ErrorSpec[];
  /** Writes need this bearer token, reads only with API_READS_REQUIRE_TOKEN; absent: no operation needs one. */
  bearer?: {
    description: string;
    /** The 401 a read answers without the token when reads require it. */
    readError: ErrorSpec;
    /** operationIds of the routes open to everyone (@OpenRoute). */
    open: string[];
  };
}

/** The workspace package.json's license. */
const LICENSE = { name: 'MIT', url: 'https://opensource.org/licenses/MIT' };
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const METHODS = ['get', 'head', 'options', ...WRITE_METHODS] as const;
/** `listRepos`, `resolveDecision`: what Nest's default (`ReposController_list`) is not. */
const READABLE_OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;

export function createOpenApiDocument(app: INestApplication, spec: OpenApiSpec): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(spec.title)
    .setDescription(spec.description)
    .setVersion(spec.version)
    .setLicense(LICENSE.name, LICENSE.url)
    .addServer(spec.server.url, spec.server.description);
  for (const [name, description] of Object.entries(spec.tags)) builder.addTag(name, description);
  if (spec.bearer) {
    builder
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: spec.bearer.description })
      .addSecurityRequirements('bearer');
  }
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorBodyDto] });
  // DocumentBuilder starts with an empty contact; say nothing rather than nothing useful.
  if (document.info.contact && Object.keys(document.info.contact).length === 0) delete document.info.contact;
  for (const { method, operation } of operations(document)) {
    const write = (WRITE_METHODS as readonly string[]).includes(method);
    if (write) addMissingErrors(operation, spec.writeErrors);
    const bearer = spec.bearer;
    if (!bearer || bearer.open.includes(operation.operationId ?? '')) {
      // Open to everyone: say so on the operation, overriding the document-wide requirement.
      operation.security = [];
    } else if (!write) {
      // The token is optional on reads unless the server was started with API_READS_REQUIRE_TOKEN.
      operation.security = [{}, { bearer: [] }];
      addMissingErrors(operation, [bearer.readError]);
    }
    sortResponses(operation);
  }
  return document;
}

/**
 * What the linter cannot see: an operation still named by Nest's default (`ReposController_list`), without a
 * summary, without a tag, or with a tag the document does not declare. Empty when the document is complete.
 */
export function openApiProblems(document: OpenAPIObject): string[] {
  const declared = new Set((document.tags ?? []).map((tag) => tag.name));
  return operations(document).flatMap(({ name, operation }) => {
    const problems: string[] = [];
    if (!operation.operationId || !READABLE_OPERATION_ID.test(operation.operationId)) {
      problems.push(`${name}: set a camelCase @ApiOperation({ operationId }) (it is ${operation.operationId})`);
    }
    if (!operation.summary) problems.push(`${name}: set @ApiOperation({ summary })`);
    if (!operation.tags?.length) problems.push(`${name}: give its controller an @ApiTags(...)`);
    for (const tag of operation.tags ?? []) {
      if (!declared.has(tag)) problems.push(`${name}: tag '${tag}' is not declared in the document's tags`);
    }
    return problems;
  });
}

function operations(document: OpenAPIObject) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation: OperationObject | undefined = item[method];
      return operation ? [{ name: `${method.toUpperCase()} ${path}`, method, operation }] : [];
    }),
  );
}

/** Adds the errors the operation does not name itself. */
function addMissingErrors(operation: OperationObject, specs: ErrorSpec[]): void {
  for (const { status, description } of specs.map(errorSpec)) {
    operation.responses[status] ??= errorResponse(description);
  }
}

/** Responses in status order (`default` last), however the decorators were stacked. */
function sortResponses(operation: OperationObject): void {
  const { responses } = operation;
  const byStatus = Object.keys(responses).sort((a, b) => (Number(a) || 1000) - (Number(b) || 1000));
  operation.responses = Object.fromEntries(byStatus.map((status) => [status, responses[status]]));
}
