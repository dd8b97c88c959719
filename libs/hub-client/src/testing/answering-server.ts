// A real HTTP server on a free local port for the client specs: each path
// answers what the test set (status, headers, raw body), stalls, or stalls after
// the headers; every request is recorded.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as is; an object is sent as JSON with a JSON content-type. */
  body?: string | object;
  /** 'silent': never answer; 'headers-only': send the status and headers, then nothing. */
  stall?: 'silent' | 'headers-only';
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface AnsweringServer {
  url: string;
  seen: SeenRequest[];
  answer(path: string, answer: Answer): void;
  close(): Promise<void>;
}

export async function startAnsweringServer(): Promise<AnsweringServer> {
  const seen: SeenRequest[] = [];
  const answers = new Map<string, Answer>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      seen.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const answer: Answer = answers.get(url.split('?')[0]) ?? {
        status: 404,
        body: { message: `no answer set for ${url}` },
      };
      if (answer.stall === 'silent') return;
      const json = typeof answer.body === 'object';
      const text = json ? JSON.stringify(answer.body) : (answer.body ?? '');
      res.writeHead(answer.status, { ...(json && { 'content-type': 'application/json' }), ...answer.headers });
      if (answer.stall === 'headers-only') res.flushHeaders();
      else res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answer: (path, answer) => answers.set(path, answer),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // stalled answers included
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
