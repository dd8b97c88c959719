// The write batcher: writes that arrive together share a statement, a bounded number of statements run at
// once, each caller gets its own item's outcome, and one bad item fails alone.
import { WriteBatcher } from './write-batcher';

const tick = () => new Promise((r) => setImmediate(r));

/** A fake database: records each statement's items and finishes it when told. */
function fakeWrites(fail?: (items: number[]) => Error | undefined) {
  const statements: number[][] = [];
  const open: Array<() => void> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      statements.push(items);
      open.push(() => {
        const error = fail?.(items);
        if (error) reject(error);
        else resolve(items.map((n) => `row ${n}`));
      });
    });
  const finishAll = async () => {
    while (open.length > 0) {
      open.splice(0).forEach((finish) => finish());
      await tick();
      await tick();
    }
  };
  return { statements, write, finishAll };
}

describe('WriteBatcher', () => {
  it('puts the writes of one turn into one statement and answers each caller with its own row', async () => {
    const db = fakeWrites();
    const batcher = new WriteBatcher({ write: db.write, maxBatch: 10, maxConcurrent: 1, retrySingly: () => true });
    const answers = Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    await tick();
    expect(db.statements).toEqual([[1, 2, 3]]);
    await db.finishAll();
    await expect(answers).resolves.toEqual(['row 1', 'row 2', 'row 3']);
  });

  it('gathers the writes that arrive while a statement is under way into the next one, up to maxBatch', async () => {
    const db = fakeWrites();
    const batcher = new WriteBatcher({ write: db.write, maxBatch: 3, maxConcurrent: 1, retrySingly: () => true });
    const first = batcher.add(1);
    await tick();
    const later = [2, 3, 4, 5, 6].map((n) => batcher.add(n));
    await tick();
    expect(db.statements).toEqual([[1]]); // one statement at a time
    await db.finishAll();
    expect(db.statements).toEqual([[1], [2, 3, 4], [5, 6]]);
    await expect(Promise.all([first, ...later])).resolves.toHaveLength(6);
  });

  it('runs up to maxConcurrent statements at once', async () => {
    const db = fakeWrites();
    const batcher = new WriteBatcher({ write: db.write, maxBatch: 2, maxConcurrent: 2, retrySingly: () => true });
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    await tick();
    expect(db.statements).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await db.finishAll();
    expect(db.statements).toEqual([[1, 2], [3, 4], [5]]);
    await all;
  });

  it('retries a failed statement item by item, so that only the bad item fails', async () => {
    const db = fakeWrites((items) => (items.includes(2) ? new Error('invalid input syntax for type json') : undefined));
    const batcher = new WriteBatcher({ write: db.write, maxBatch: 10, maxConcurrent: 1, retrySingly: () => true });
    const settled = Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    await tick();
    await db.finishAll();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('invalid input syntax for type json');
    expect(db.statements).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails every item of the statement with its error when retrySingly says so (database down)', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const db = fakeWrites(() => down);
    const batcher = new WriteBatcher({ write: db.write, maxBatch: 10, maxConcurrent: 1, retrySingly: () => false });
    const settled = Promise.allSettled([1, 2].map((n) => batcher.add(n)));
    await tick();
    await db.finishAll();
    expect((await settled).map((o) => o.status === 'rejected' && o.reason)).toEqual([down, down]);
    expect(db.statements).toEqual([[1, 2]]);
  });

  it('fails the items when the write answers with the wrong number of results', async () => {
    const batcher = new WriteBatcher<number, string>({
      write: async () => ['only one'],
      maxBatch: 10,
      maxConcurrent: 1,
      retrySingly: () => true,
    });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow('1 results for 2 items');
  });

  it('refuses a batch or concurrency below one', () => {
    expect(
      () => new WriteBatcher({ write: async () => [], maxBatch: 0, maxConcurrent: 1, retrySingly: () => true }),
    ).toThrow('maxBatch and maxConcurrent must be at least 1');
  });
});
