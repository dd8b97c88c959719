// Offsets ↔ 1-based line numbers for one file, and the line ending a line uses,
// so problems can name a line and inserted lines match their neighbours.

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Every line as [start, end) without its line break, with the offset where the next line starts. */
  *linesFrom(offset: number): Generator<{ start: number; end: number; next: number; content: string }> {
    const { text } = this;
    let start = offset;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const next = newline === -1 ? text.length : newline + 1;
      let end = newline === -1 ? text.length : newline;
      if (end > start && text[end - 1] === '\r') end -= 1;
      yield { start, end, next, content: text.slice(start, end) };
      start = next;
    }
  }
}

/** The line break that ends the line before `offset` (which starts a line); LF when there is none. */
export function lineBreakBefore(text: string, offset: number): string {
  return offset >= 2 && text[offset - 1] === '\n' && text[offset - 2] === '\r' ? '\r\n' : '\n';
}
