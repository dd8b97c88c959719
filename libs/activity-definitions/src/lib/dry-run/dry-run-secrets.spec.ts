// The dry run prints what a run would send: never a value `${VAR}` put in from
// the environment, nor a credential-named header, wherever it lands.
import { SECRET_MARKER } from '@state-hub/config';
import { parseDefinition } from '../parse/parse-definition';
import { dryRun } from './dry-run';
import { formatDryRun } from './format-dry-run';

const CANARY = 'dry-run-canary-5b1e77d0';

async function report(yaml: string) {
  const parsed = parseDefinition(yaml, {
    path: 'canary.yaml',
    env: { CANARY_TOKEN: CANARY, HUB: 'http://127.0.0.1:3000' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return dryRun(
    { path: 'canary.yaml', problems: [], warnings: [], loaded: parsed.definition },
    { now: new Date('2026-12-05T00:00:00Z'), fetchContext: false },
  );
}

describe('dry run and secrets', () => {
  it('hides an environment value in the URL, headers and body of an http instruction', async () => {
    const dry = await report(`id: test.canary
trigger: { trigger_type: manual }
instruction:
  kind: http
  method: POST
  url: '\${HUB}/sync?api=\${CANARY_TOKEN}'
  headers: { authorization: 'Bearer \${CANARY_TOKEN}', x-plain: '\${CANARY_TOKEN}' }
  body: { note: 'with \${CANARY_TOKEN}' }
`);
    const shown = `${JSON.stringify(dry)}\n${formatDryRun(dry).join('\n')}`;
    expect(shown).not.toContain(CANARY);
    expect(shown).toContain(`http://127.0.0.1:3000/sync?api=${SECRET_MARKER}`);
    expect(shown).toContain(`with ${SECRET_MARKER}`);
  });

  it('hides it in a shell command and its environment', async () => {
    const dry = await report(`id: test.canary-shell
trigger: { trigger_type: manual }
instruction: { kind: shell, cmd: 'curl -H "x: \${CANARY_TOKEN}" x', env: { T: '\${CANARY_TOKEN}' }, timeout_seconds: 5 }
`);
    const shown = `${JSON.stringify(dry)}\n${formatDryRun(dry).join('\n')}`;
    expect(shown).not.toContain(CANARY);
    expect(shown).toContain(`curl -H \\"x: ${SECRET_MARKER}\\" x`);
  });

  it('never quotes it in a problem of an invalid file', () => {
    const parsed = parseDefinition(
      `id: test.bad\ntrigger: { trigger_type: cron, cron_expression: '\${CANARY_TOKEN}' }\ninstruction: { kind: http, method: POST, url: 'http://x' }\n`,
      { path: 'bad.yaml', env: { CANARY_TOKEN: CANARY } },
    );
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain(CANARY);
    expect(JSON.stringify(parsed)).toContain(SECRET_MARKER);
  });
});
