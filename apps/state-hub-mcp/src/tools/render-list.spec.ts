import { renderPage } from './render-list';

const line = (n: number) => `item ${n}`;

describe('renderPage', () => {
  it('counts, lists and points to the next page', () => {
    expect(renderPage({ items: [1, 2], total: 5, limit: 2, offset: 0 }, 'repos', line)).toBe(
      'repos 1-2 of 5:\n- item 1\n- item 2\n(more: call again with offset=2)',
    );
  });

  it('has no next page on the last one', () => {
    expect(renderPage({ items: [5], total: 5, limit: 2, offset: 4 }, 'repos', line)).toBe('repos 5-5 of 5:\n- item 5');
  });

  it('says when nothing matches, or when the offset is past the end', () => {
    expect(renderPage({ items: [], total: 0, limit: 2, offset: 0 }, 'repos', line)).toBe('No repos match.');
    expect(renderPage({ items: [], total: 3, limit: 2, offset: 10 }, 'repos', line)).toBe(
      'No repos at offset 10 (3 in all).',
    );
  });
});
