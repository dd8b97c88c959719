// Keeps docs/activity-definitions.md honest: its YAML examples must load.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDefinition } from './lib/parse/parse-definition';
import { jsonSchemaFile } from './lib/schema/json-schema-file';

const DOC = join(dirname(dirname(jsonSchemaFile())), 'docs', 'activity-definitions.md');
const blocks = [...readFileSync(DOC, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
const env = { STATE_HUB_URL: 'http://hub:3000' };
const HEAD = 'id: docs.example\n';

function load(text: string) {
  const result = parseDefinition(text, { path: 'docs/activity-definitions.md', env });
  return result.ok ? 'ok' : result.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('docs/activity-definitions.md', () => {
  it('has YAML examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it('the complete example loads', () => {
    expect(load(blocks[0])).toBe('ok');
  });

  it('each fragment loads inside a minimal definition', () => {
    const trigger = 'trigger: { trigger_type: event, event_type: org.repo.commit.pushed }\n';
    const instruction = 'instruction: { kind: http, method: GET, url: "http://hub/x" }\n';
    const context = 'context: [{ kind: http_get, url: "http://hub/h", bind: hub_health }]\n';
    for (const block of blocks.slice(1).filter((b) => !b.startsWith('#'))) {
      const parts = [HEAD, trigger, block.startsWith('context:') ? '' : context, block];
      if (!block.startsWith('instruction:')) parts.push(instruction);
      expect({ block, result: load(parts.join('')) }).toEqual({ block, result: 'ok' });
    }
  });
});
