import { renderMarkdownTable } from './markdown-table';

describe('renderMarkdownTable', () => {
  it('pads every column to its widest cell, as Prettier does', () => {
    expect(
      renderMarkdownTable(
        ['Name', 'Type'],
        [
          ['`repo_slug`', 'string'],
          ['a', 'b'],
        ],
      ),
    ).toBe(
      [
        '| Name        | Type   |',
        '| ----------- | ------ |',
        '| `repo_slug` | string |',
        '| a           | b      |',
      ].join('\n'),
    );
  });

  it('keeps delimiter cells at least three dashes wide', () => {
    expect(renderMarkdownTable(['A'], [['b']])).toBe('| A   |\n| --- |\n| b   |');
  });

  it('escapes pipes and flattens newlines inside cells', () => {
    expect(renderMarkdownTable(['Cell'], [['a|b\nc']])).toBe('| Cell   |\n| ------ |\n| a\\|b c |');
  });
});
