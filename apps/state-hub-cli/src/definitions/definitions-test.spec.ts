// `state-hub definitions test` as authors run it (`npx state-hub`: the bin, no
// build, no services): temp definition files and sample events, from a file or
// stdin; its output and its exit code. Nothing may be executed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStateHub } from '../testing/run-cli';

const PUSH = {
  id: '0190b3c2-8c1e-7a51-9d2e-3f4a5b6c7d8e',
  type: 'org.repo.commit.pushed',
  version: '1.0',
  timestamp: '2025-01-31T09:00:00Z',
  publisher: 'git-hook',
  attributes: { repo_slug: 'state-hub', ref: 'refs/heads/main', sha: 'abc123', files_changed: 7 },
};

const HTTP_DEFINITION = `id: cli.commit-sync
trigger:
  trigger_type: event
  event_type: org.repo.*.pushed
  filters:
    ref: refs/heads/*
rule:
  when:
    - "event.attributes.files_changed > 5"
    - "event.attributes.repo_slug == 'state-hub'"
instruction:
  kind: http
  method: POST
  url: \${HUB_URL}/repos/{{ event.attributes.repo_slug }}/sync
  headers:
    x-run: '{{ run.id }}'
  body:
    sha: '{{ event.attributes.sha }}'
    files: '{{ event.attributes.files_changed }}'
  timeout_seconds: 120
`;

describe('state-hub definitions test', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const sample = (overrides: Record<string, unknown> = {}, attributes: Record<string, unknown> = {}) =>
    file(
      `event-${Math.random().toString(36).slice(2)}.json`,
      JSON.stringify({ ...PUSH, ...overrides, attributes: { ...PUSH.attributes, ...attributes } }),
    );
  const test = (...args: string[]) => runStateHub(['definitions', 'test', ...args], { HUB_URL: 'http://hub:3000' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'test-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the match, each rule value and the rendered request, and exits 0', async () => {
    const result = await test(file('sync.yaml', HTTP_DEFINITION), '--event', sample());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Trigger: event org.repo.*.pushed');
    expect(out).toContain('subject "org.repo.commit.pushed": matches');
    expect(out).toContain('filter ref: "refs/heads/*" vs "refs/heads/main": matches');
    expect(out).toContain('pass  event.attributes.files_changed > 5  => true');
    expect(out).toContain("pass  event.attributes.repo_slug == 'state-hub'  => true");
    expect(out).toContain('POST http://hub:3000/repos/state-hub/sync');
    expect(out).toContain('content-type: application/json');
    expect(out).toContain('x-run: <run-id>');
    expect(out).toContain('idempotency-key: <run-id>');
    expect(out).toMatch(/body:\n\s+\{\n\s+"sha": "abc123",\n\s+"files": 7\n\s+\}/);
    expect(out.trim().split('\n').at(-1)).toBe('Result: would run');
  });

  it('says which part of the trigger does not match, and exits 1', async () => {
    const path = file('sync.yaml', HTTP_DEFINITION);
    const wrongRef = await test(path, '--event', sample({}, { ref: 'refs/tags/v1' }));
    expect(wrongRef.code).toBe(1);
    expect(wrongRef.stdout).toContain('filter ref: "refs/heads/*" vs "refs/tags/v1": does not match');
    expect(wrongRef.stdout).toContain('Result: would not run: the trigger does not match the sample event');
    expect(wrongRef.stdout).not.toContain('Rule:');

    const wrongType = await test(path, '--event', sample({ type: 'org.statehub.repo.registered' }));
    expect(wrongType.code).toBe(1);
    expect(wrongType.stdout).toContain('subject "org.statehub.repo.registered": does not match');
  });

  it('shows the value of the expression that declines, the ones not evaluated, and exits 1', async () => {
    const result = await test(file('sync.yaml', HTTP_DEFINITION), '--event', sample({}, { files_changed: 2 }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL  event.attributes.files_changed > 5  => false');
    expect(result.stdout).toContain("----  event.attributes.repo_slug == 'state-hub'  (not evaluated)");
    expect(result.stdout).toContain('Result: would not run: skipped: "event.attributes.files_changed > 5" is false');
    expect(result.stdout).not.toContain('idempotency-key');
  });

  it('prints the same as JSON with --json', async () => {
    const result = await test(file('sync.yaml', HTTP_DEFINITION), '--event', sample(), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      definition: { id: 'cli.commit-sync', enabled: true },
      trigger: { trigger_type: 'event', matches: true },
      rule: {
        passed: true,
        checks: [
          { expression: 'event.attributes.files_changed > 5', value: true, passed: true },
          { expression: "event.attributes.repo_slug == 'state-hub'", value: true, passed: true },
        ],
      },
      instruction: {
        kind: 'http',
        method: 'POST',
        url: 'http://hub:3000/repos/state-hub/sync',
        headers: { 'idempotency-key': '<run-id>' },
        body: { sha: 'abc123', files: 7 },
      },
      would_run: true,
      reasons: [],
    });
  });

  it('shows a shell command and its environment but never runs it', async () => {
    const marker = join(dir, 'created-by-shell');
    const path = file(
      'shell.yaml',
      `id: cli.shell
trigger: { trigger_type: event, event_type: org.repo.commit.pushed }
instruction:
  kind: shell
  cmd: touch ${marker} && echo ran
  env:
    REPO_SLUG: '{{ event.attributes.repo_slug }}'
    API_TOKEN: s3cr3t-value
  timeout_seconds: 30
`,
    );
    const result = await test(path, '--event', sample({}, { padding: 'x'.repeat(300) }));
    expect(result.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const out = result.stdout;
    expect(out).toContain(`/bin/sh -c "touch ${marker} && echo ran"`);
    expect(out).toContain('REPO_SLUG=state-hub');
    expect(out).toContain('API_TOKEN=<redacted: 12 chars>');
    expect(out).not.toContain('s3cr3t');
    expect(out).toMatch(/ACTIVITY_EVENT_JSON=\{"id":"0190b3c2.{80,}… \(\d+ chars\)\n/);
    expect(out).toContain('ACTIVITY_RUN_ID=<run-id>');
    expect(out).toContain('IDEMPOTENCY_KEY=<run-id>');
    expect(out).not.toContain('\nran');
  });

  it('shows a publish instruction as the envelope type and attributes', async () => {
    const path = file(
      'publish.yaml',
      `id: cli.publish
trigger: { trigger_type: manual }
instruction:
  kind: publish
  event_type: org.statehub.sync.requested
  attributes: { reason: manual, run: '{{ run.id }}' }
`,
    );
    const result = await test(path, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      trigger: { trigger_type: 'manual' },
      instruction: {
        kind: 'publish',
        event_type: 'org.statehub.sync.requested',
        publisher: 'activity-engine',
        attributes: { reason: 'manual', run: '<run-id>' },
      },
    });
  });

  it('lists the next three cron slots in the trigger timezone and binds context as skipped', async () => {
    const path = file(
      'cron.yaml',
      `id: cli.cron
trigger: { trigger_type: cron, cron_expression: '0 3 * * *', timezone: Europe/Berlin }
context:
  - { kind: http_get, url: 'http://127.0.0.1:9/health', bind: hub_health }
rule:
  when: ["hub_health.status == 'ok'"]
instruction: { kind: http, method: POST, url: 'http://hub/x' }
`,
    );
    const result = await test(path, '--now', '2025-03-29T12:00:00Z');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Trigger: cron "0 3 * * *" in Europe/Berlin; next 3 slots:
  2025-03-30 03:00 UTC+02:00  = 2025-03-30T01:00:00.000Z
  2025-03-31 03:00 UTC+02:00  = 2025-03-31T01:00:00.000Z
  2025-04-01 03:00 UTC+02:00  = 2025-04-01T01:00:00.000Z`);
    expect(result.stdout).toContain('Context: not fetched (dry run; --fetch-context fetches it)');
    expect(result.stdout).toContain('hub_health = {"skipped":"dry run"}');
    expect(result.stdout).toContain("FAIL  hub_health.status == 'ok'  => error: ");
  });

  describe('with --fetch-context', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"status":"ok"}'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fetches context sources and evaluates the rule on them', async () => {
      const path = file(
        'ctx.yaml',
        `id: cli.ctx
trigger: { trigger_type: manual }
context:
  - { kind: http_get, url: '${url}/health', bind: hub_health }
rule:
  when: ["hub_health.status == 'ok'"]
instruction: { kind: http, method: POST, url: 'http://hub/x' }
`,
      );
      const result = await test(path, '--fetch-context');
      expect(result.stdout).toContain('Context (fetched):\n  hub_health = {"status":"ok"}');
      expect(result.stdout).toContain("pass  hub_health.status == 'ok'  => true");
      expect(result.code).toBe(0);
    });
  });

  it('finds a definition by id in --dir', async () => {
    file('sync.yaml', HTTP_DEFINITION);
    const result = await test('cli.commit-sync', '--dir', dir, '--event', sample());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Definition cli\.commit-sync \(.*sync\.yaml\)/);
  });

  it('reports an invalid definition with file:line:col and exits 1', async () => {
    const path = file(
      'broken.yaml',
      'id: cli.broken\ntrigger:\n  trigger_type: manual\n  cron_expression: "* * * * *"\ninstruction: { kind: http, method: GET, url: "http://hub/x" }\n',
    );
    const result = await test(path);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.yaml:4:3: trigger\.cron_expression: unknown field\n/);
    expect(result.stdout).toContain('Result: would not run: the definition is invalid (1 problem)');
  });

  it('a template path that does not exist fails the run, and exits 1', async () => {
    const path = file(
      'missing.yaml',
      `id: cli.missing
trigger: { trigger_type: manual }
instruction: { kind: http, method: POST, url: 'http://hub/{{ event.attributes.repo_slug }}' }
`,
    );
    const result = await test(path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('cannot be rendered: {{ event.attributes.repo_slug }}: event has no "attributes"');
  });

  it('reads the sample event from stdin with --event -', async () => {
    const path = file('sync.yaml', HTTP_DEFINITION);
    const event = JSON.stringify({ ...PUSH, attributes: { ...PUSH.attributes, files_changed: 9 } });
    const result = await runStateHub(
      ['definitions', 'test', path, '--event', '-', '--json'],
      { HUB_URL: 'http://hub:3000' },
      { input: event },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({
      trigger: { trigger_type: 'event', sample_type: 'org.repo.commit.pushed', matches: true },
      rule: { checks: [{ expression: 'event.attributes.files_changed > 5', value: true }, expect.anything()] },
      would_run: true,
    });
    const notJson = await runStateHub(['definitions', 'test', path, '--event', '-'], {}, { input: '{"id": ' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: --event on stdin is not JSON: /);
    const array = await runStateHub(['definitions', 'test', path, '--event', '-'], {}, { input: '[]' });
    expect(array).toMatchObject({
      code: 2,
      stderr: 'error: --event on stdin must hold one event envelope (a JSON object)\n',
    });
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const path = file('sync.yaml', HTTP_DEFINITION);
    expect(await test()).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("missing required argument 'definition'"),
    });
    expect(await test(path)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cli.commit-sync has an event trigger: give a sample envelope with --event'),
    });
    expect(await test(join(dir, 'nope.yaml'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such definition file'),
    });
    expect(await test(path, '--event', sample(), '--now', 'yesterday')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--now must be an ISO 8601 timestamp'),
    });
    expect(await test(path, '--event', join(dir, 'nope.json'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read --event'),
    });
    expect(await test('no.such.id', '--dir', dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no definition with id "no.such.id"'),
    });
    expect(await test(path, '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining("'--bogus'") });
    expect(readFileSync(path, 'utf8')).toBe(HTTP_DEFINITION);
  });
});
