// The text rendering of a page of results: a count line, one line per item,
// and how to get the next page when there is one.

/** The fields every page of the hub has. */
interface Page<T> {
  items: readonly T[];
  total: number;
  limit: number;
  offset: number;
}

export function renderPage<T>(page: Page<T>, noun: string, line: (item: T) => string): string {
  if (page.items.length === 0) {
    return page.total === 0 ? `No ${noun} match.` : `No ${noun} at offset ${page.offset} (${page.total} in all).`;
  }
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const head = `${noun} ${from}-${to} of ${page.total}:`;
  const next = to < page.total ? [`(more: call again with offset=${to})`] : [];
  return [head, ...page.items.map((item) => `- ${line(item)}`), ...next].join('\n');
}
