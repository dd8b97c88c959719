import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { startNodeService } from './node-service';

// A tiny HTTP service standing in for a built app: it answers /health with 200
// once started, prints what it was given, and can be told to exit at start.
const SERVICE = `
const http = require('node:http');
if (process.env.FAIL_AT_START) { console.error('refusing to start: FAIL_AT_START'); process.exit(3); }
console.log('secret seen: ' + (process.env.OUTER_SECRET ?? 'none'));
http.createServer((req, res) => res.end(req.url)).listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('startNodeService', () => {
  let dir: string;
  let script: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'statehub-node-service-'));
    script = join(dir, 'service.js');
    writeFileSync(script, SERVICE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the service with only the given environment, waits for health, stops it by PID', async () => {
    process.env['OUTER_SECRET'] = 'leaked';
    const port = await freePort();
    const service = await startNodeService({
      script,
      env: { PORT: String(port) },
      healthUrl: `http://127.0.0.1:${port}/health`,
    });
    delete process.env['OUTER_SECRET'];
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).text()).toBe('/health');
    expect(service.output()).toContain('secret seen: none');
    await service.stop();
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    await service.stop(); // a second stop is harmless
  });

  it('rejects with the exit code and the output when the service dies at start', async () => {
    const port = await freePort();
    await expect(
      startNodeService({
        script,
        env: { PORT: String(port), FAIL_AT_START: '1' },
        healthUrl: `http://127.0.0.1:${port}/`,
      }),
    ).rejects.toThrow(/exited \(3\) before .* answered:\nrefusing to start: FAIL_AT_START/);
  });

  it('gives up after the start timeout and kills the service', async () => {
    const port = await freePort();
    const other = await freePort();
    await expect(
      startNodeService({
        script,
        env: { PORT: String(port) },
        healthUrl: `http://127.0.0.1:${other}/never`,
        startTimeoutMs: 500,
      }),
    ).rejects.toThrow(/did not answer 2xx in time/);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
