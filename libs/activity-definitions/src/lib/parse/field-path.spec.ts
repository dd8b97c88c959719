import { fieldPathText } from './field-path';

describe('fieldPathText', () => {
  it.each([
    [['trigger', 'cron_expression'], 'trigger.cron_expression'],
    [['context', 0, 'url'], 'context[0].url'],
    [['instruction', 'headers', 'X-Trace-Id'], 'instruction.headers.X-Trace-Id'],
    [['instruction', 'attributes', 'a.b'], 'instruction.attributes["a.b"]'],
    [[], '(file)'],
  ])('%j -> %s', (path, text) => {
    expect(fieldPathText(path)).toBe(text);
  });
});
