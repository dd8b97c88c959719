import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('SERVER_NODE_FLAGS', () => {
  const flags = SERVER_NODE_FLAGS.join(' ');

  it.each(['start', 'start:api'])('is how `npm run %s` starts its app', (script) => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts[script]).toContain(`node ${flags} dist/apps/`);
  });

  it('is how the image starts every app', () => {
    expect(read('Dockerfile')).toContain(
      `CMD ["node", ${SERVER_NODE_FLAGS.map((f) => `"${f}"`).join(', ')}, "main.js"]`,
    );
  });

  it('is how the dev stack starts its apps', () => {
    expect(read('tools/stack.js')).toContain(
      `const NODE_FLAGS = [${SERVER_NODE_FLAGS.map((f) => `'${f}'`).join(', ')}];`,
    );
  });

  it.each(['state-hub-api', 'event-consumer'])('is how `nx serve %s` starts its app', (app) => {
    const project = JSON.parse(read(`apps/${app}/project.json`)) as {
      targets: { serve: { options: { runtimeArgs?: string[] } } };
    };
    expect(project.targets.serve.options.runtimeArgs).toEqual(SERVER_NODE_FLAGS);
  });
});
