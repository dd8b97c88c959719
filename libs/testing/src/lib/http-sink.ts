// A tiny HTTP server that records every request, standing in for the hub or
// any other target of `http` instructions and `http_get` context sources.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SunkRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpSink {
  url: string;
  requests: SunkRequest[];
  /** Answer `path` with this status and JSON body (default 200 `{}`). */
  respond(path: string, status: number, body: unknown): void;
  /** Answer `path` only after `ms` milliseconds (the request is recorded at once). */
  delay(path: string, ms: number): void;
  /** Never answer `path`: the request is recorded and its connection left open until `close()`. */
  hang(path: string): void;
  close(): Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
  const requests: SunkRequest[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  const hung = new Set<string>();
  const delays = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const path = (req.url ?? '').split('?')[0];
      if (hung.has(path)) return;
      const answer = answers.get(path) ?? { status: 200, body: {} };
      const send = () =>
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      const ms = delays.get(path);
      if (ms === undefined) send();
      else setTimeout(send, ms);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (path, status, body) => answers.set(path, { status, body }),
    delay: (path, ms) => delays.set(path, ms),
    hang: (path) => hung.add(path),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung requests included
      }),
  };
}
