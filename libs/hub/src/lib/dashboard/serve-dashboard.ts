// The dashboard's static files at /ui/ (any other /ui/ path answers its
// index.html: the page routes itself), and a browser opening / lands on /ui/.
// Plain Fastify routes, outside the token guard: the files hold no data, and
// the page must load to ask for the token. Files are looked up per request, so
// a dashboard rebuilt while the hub runs is served as it is now.
import { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_INDEX, dashboardDirCandidates, findDashboardDir } from './dashboard-dir';

export const DASHBOARD_PATH = '/ui';

/** Hashed asset names never change content: cached for good. Everything else revalidates. */
const cacheControlOf = (file: string) =>
  file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** The path of a request URL and its query (with its `?`, or empty). */
function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** The file a /ui/ path names (decoded, relative to the dashboard folder), when it is a plain file there. */
function fileOf(dir: string, rel: string): string | undefined {
  if (rel === '' || rel.includes('\0') || rel.split(/[\\/]/).some((part) => part === '..')) return undefined;
  try {
    return statSync(join(dir, rel)).isFile() ? rel : undefined;
  } catch {
    return undefined;
  }
}

export function serveDashboard(app: NestFastifyApplication, configuredDir: string | undefined): void {
  const dir = findDashboardDir(configuredDir);
  const http = app.getHttpAdapter().getInstance();
  http.get('/', (_req, reply) => reply.redirect(`${DASHBOARD_PATH}/`, 302));
  if (!dir) {
    const looked = dashboardDirCandidates(configuredDir).join(', ') || '(no candidate)';
    new Logger('Dashboard').warn(`no built dashboard in ${looked}: /ui/ answers 404 (run \`npx nx build dashboard\`)`);
    const notBuilt = (req: FastifyRequest, reply: FastifyReply) =>
      reply.code(404).send({
        status_code: 404,
        error: 'not_found',
        message: `the dashboard is not built: run \`npx nx build dashboard\`, or set DASHBOARD_DIR (looked in ${looked})`,
        request_id: req.id,
      });
    http.get(DASHBOARD_PATH, notBuilt);
    http.get(`${DASHBOARD_PATH}/*`, notBuilt);
    return;
  }
  // Only for reply.sendFile() (ETag, Last-Modified, 304, ranges; no path outside `dir`): the routes are ours.
  void http.register(fastifyStatic, { root: dir, serve: false, cacheControl: false });
  const send = (reply: FastifyReply, file: string) =>
    reply.header('cache-control', cacheControlOf(file)).sendFile(file);
  // The router takes /ui/ for /ui (trailing slashes are ignored): the page itself, reached by its one address.
  http.get(DASHBOARD_PATH, (req: FastifyRequest, reply: FastifyReply) => {
    const [path, query] = splitUrl(req.url);
    return path === DASHBOARD_PATH ? reply.redirect(`${DASHBOARD_PATH}/${query}`, 301) : send(reply, DASHBOARD_INDEX);
  });
  http.get(`${DASHBOARD_PATH}/*`, (req: FastifyRequest, reply: FastifyReply) => {
    const wildcard = (req.params as { '*': string })['*'];
    const file = fileOf(dir, wildcard);
    // A missing asset is a 404, not the page (a stale tab asking for an old bundle).
    if (!file && (wildcard === 'assets' || wildcard.startsWith('assets/'))) return reply.callNotFound();
    return send(reply, file ?? DASHBOARD_INDEX);
  });
}
