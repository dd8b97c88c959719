// The time limit of a request: a TimeoutError after the limit, and no timer left behind once the work is done.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // /slow never answers; anything else answers at once
    server = createServer((req, res) => {
      if (req.url !== '/slow') res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));

  it('answers what the work answers, and clears its timer', async () => {
    const cleared = jest.spyOn(global, 'clearTimeout');
    const text = await withTimeout(5000, (signal) => fetch(`${url}/fast`, { signal }).then((r) => r.text()));
    expect(text).toBe('ok');
    expect(cleared).toHaveBeenCalled();
    cleared.mockRestore();
  });

  it('aborts a request that takes longer with a TimeoutError', async () => {
    const started = Date.now();
    const error = await withTimeout(100, (signal) => fetch(`${url}/slow`, { signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('passes the work a signal that is not aborted while time is left', async () => {
    await expect(withTimeout(1000, async (signal) => signal.aborted)).resolves.toBe(false);
  });

  it('passes on the work’s own error', async () => {
    await expect(withTimeout(1000, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });
});
