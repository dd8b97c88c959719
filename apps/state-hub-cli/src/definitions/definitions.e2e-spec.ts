// `definitions test` on EVERY file of activity-definitions/ against the built hub
// (an event trigger gets its subject's example from the event catalog; a cron or
// manual one is tried as the run of a slot or a request), and `definitions list`
// against the built engine on its own nats-server.
import { parseDefinition } from '@state-hub/activity-definitions';
import { buildEvent, CATALOG, type Subject, subjectMatches } from '@state-hub/subjects';
import {
  type BuiltApp,
  createTestDatabase,
  DefinitionFiles,
  freePort,
  type NatsServer,
  startBuiltEngine,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HubProcess, startHub } from '../testing/hub-process';
import { runCli, runStateHub, WORKSPACE_ROOT } from '../testing/run-cli';

const TOKEN = 'definitions-cli-test-token-0123';
const FOLDER = join(WORKSPACE_ROOT, 'activity-definitions');
const FILES = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f));

/** The catalog's example envelope for the first catalog subject the trigger's pattern matches. */
function catalogExample(eventType: string) {
  const subject = (Object.keys(CATALOG) as Subject[]).find((s) => subjectMatches(eventType, s));
  if (!subject) throw new Error(`no catalog subject matches ${eventType}: add an example to libs/subjects`);
  return buildEvent(subject, CATALOG[subject].example);
}

describe('definitions test: every definition of activity-definitions/ against the built hub', () => {
  let hub: HubProcess;
  let samples: string;
  beforeAll(async () => {
    hub = await startHub({ token: TOKEN });
    samples = mkdtempSync(join(tmpdir(), 'samples-'));
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(samples, { recursive: true, force: true });
  });

  it('has definitions to try', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(FILES)('%s: dry-runs with fetched context on its trigger and exits as its verdict says', async (file) => {
    const parsed = parseDefinition(readFileSync(join(FOLDER, file), 'utf8'), {
      path: file,
      env: {},
      unsetVariables: 'placeholder',
    });
    if (!parsed.ok) throw new Error(`${file} does not load`);
    const trigger = parsed.definition.definition.trigger;
    const args = ['definitions', 'test', `activity-definitions/${file}`, '--fetch-context', '--json'];
    if (trigger.trigger_type === 'event') {
      const sample = join(samples, `${file}.json`);
      writeFileSync(sample, JSON.stringify(catalogExample(trigger.event_type)));
      args.push('--event', sample);
    }
    const run = await runStateHub(args, { STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TOKEN });
    const report = JSON.parse(run.stdout);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(report.would_run ? 0 : 1);
    expect(report).toMatchObject({
      definition: { id: parsed.definition.id, enabled: true },
      problems: [],
      warnings: [],
    });
    expect(report.trigger).toMatchObject({ trigger_type: trigger.trigger_type, matches: true });
    if (trigger.trigger_type === 'cron') expect(report.trigger.next_slots).toHaveLength(3);
    // the context came from the running hub, and every rule expression could be evaluated on it
    for (const value of Object.values(report.context.bindings)) expect(value).toMatchObject({ status: 'ok' });
    for (const check of report.rule.checks) expect(check.error).toBeUndefined();
    if (file === 'state-hub-health-watch.yaml') {
      // its rule acts only on an unhealthy hub: with this healthy one the run is skipped
      expect(report.would_run).toBe(false);
      expect(report.reasons).toEqual([expect.stringMatching(/^skipped: .* is false$/)]);
    } else {
      expect(report.would_run).toBe(true);
      expect(report.instruction.url.startsWith(hub.url)).toBe(true);
    }
  });

  it('reads the event from stdin and prints the dry run as text', async () => {
    const event = JSON.stringify(catalogExample('org.repo.commit.pushed'));
    const run = await runStateHub(
      ['definitions', 'test', 'the-custodian.state-hub-per-commit-sync', '--event', '-'],
      { STATE_HUB_URL: hub.url },
      { input: event },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Trigger: event org.repo.commit.pushed\n');
    expect(run.stdout).toContain('filter repo_slug: "*" vs "state-hub": matches');
    expect(run.stdout).toContain(`POST ${hub.url}/repos/state-hub/sync`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Result: would run');
  });
});

describe('definitions list: what the built engine has loaded', () => {
  let nats: NatsServer;
  let db: TestDatabase;
  let engine: BuiltApp;
  let files: DefinitionFiles;
  beforeAll(async () => {
    files = new DefinitionFiles();
    files.write(
      'a-cron.yaml',
      "id: test.cron\ntrigger: { trigger_type: cron, cron_expression: '0 3 * * *' }\ninstruction: { kind: http, method: POST, url: 'http://127.0.0.1:9/x' }\n",
    );
    files.write(
      'b-broken.yaml',
      "id: test.broken\ntrigger: { trigger_type: cron, cron_expression: '0 25 * * *' }\ninstruction: { kind: http, method: POST, url: 'http://127.0.0.1:9/x' }\n",
    );
    files.write(
      'c-off.yaml',
      "id: test.off\nenabled: false\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: POST, url: 'http://127.0.0.1:9/x' }\n",
    );
    [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('statehub_cli_definitions')]);
    engine = await startBuiltEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir });
  });
  afterAll(async () => {
    await engine?.stop();
    await nats?.destroy();
    await db?.drop();
    files?.remove();
  });

  it('lists each file with its state, trigger (the schedule and its next slot) and problem; the counts are a note', async () => {
    const run = await runStateHub(['definitions', 'list'], { ENGINE_URL: engine.url });
    expect(run.code).toBe(0);
    const [head, ...rows] = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(head).toEqual(['id', 'state', 'trigger', 'file', 'problems']);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['test.cron', 'loaded', expect.stringMatching(/^cron 0 3 \* \* \* UTC, next \d{4}-\d\d-\d\dT03:00:00\.000Z$/)],
      ['test.broken', 'invalid', '-'],
      ['test.off', 'disabled', 'manual'],
    ]);
    expect(rows[1][4]).toMatch(
      /b-broken\.yaml:2:\d+: trigger\.cron_expression: invalid cron expression "0 25 \* \* \*"/,
    );
    expect(run.stderr).toBe('3 definition files: 1 loaded, 1 invalid, 1 disabled\n');
  });

  it('--json is the engine’s list; --state filters it; --engine-url wins over ENGINE_URL', async () => {
    const all = await runStateHub(['definitions', 'list', '--json', '--engine-url', engine.url], {
      ENGINE_URL: `http://127.0.0.1:${await freePort()}`,
    });
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(await engine.json('GET', '/definitions'));
    const invalid = await runStateHub(['definitions', 'list', '--json', '--state', 'invalid'], {
      ENGINE_URL: engine.url,
    });
    expect(JSON.parse(invalid.stdout)).toEqual([
      expect.objectContaining({ id: 'test.broken', state: 'invalid', errors: [expect.stringContaining('cron')] }),
    ]);
  });

  it('draws a table, coloured, on a terminal', async () => {
    const run = await runCli(
      ['-qec', `node bin/state-hub.cjs definitions list --engine-url ${engine.url}`, '/dev/null'],
      {},
      {
        command: ['script'],
      },
    );
    expect(run.stdout).toMatch(/┌─+┬/);
    expect(run.stdout).toMatch(/│ test\.cron\s+│/);
    expect(run.stdout).toContain('\u001b[32mloaded\u001b[39m');
    expect(run.stdout).toContain('\u001b[31minvalid\u001b[39m');
    expect(run.stdout).toContain('3 definition files: 1 loaded, 1 invalid, 1 disabled');
  });
});
