// The http instruction's client: one request on node:http(s) over the global keep-alive agents. Not fetch():
// for the engine's small calls fetch cost about 2.5 times the CPU of the same request here, and the engine is
// CPU-bound at full speed. Redirects are not followed: a 3xx is the answer.
import http from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request, or the reading of its answer. */
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  /** The last `tailChars` characters of the body. */
  bodyTail: string;
}

/** Resolves once the whole answer has arrived; rejects on a network error, an abort or a bad request. */
export function sendHttpRequest(request: HttpRequest, tailChars: number): Promise<HttpAnswer> {
  const client = { 'http:': http, 'https:': https }[request.url.protocol];
  if (!client) return Promise.reject(new TypeError(`unsupported protocol ${request.url.protocol}`));
  const headers =
    request.body === undefined
      ? request.headers
      : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = client.request(request.url, { method: request.method, headers, signal: request.signal }, (res) => {
      const tail = new BodyTail(tailChars);
      res.on('data', (chunk: Buffer) => tail.add(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bodyTail: tail.text() }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Keeps the end of a body of any length in bounded memory (4 bytes a character at most in UTF-8). */
class BodyTail {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(private readonly chars: number) {}

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.chunks.length > 1 && this.bytes - this.chunks[0].length >= 4 * this.chars) {
      this.bytes -= (this.chunks.shift() as Buffer).length;
    }
  }

  /** A character cut at the start of the kept bytes decodes as U+FFFD, but only when more than `chars` remain. */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8').slice(-this.chars);
  }
}
