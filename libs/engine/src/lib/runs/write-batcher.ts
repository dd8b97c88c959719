// Gathers the writes that arrive while others are on their way to the database into one statement, so
// that the concurrent runs of a pull share a commit instead of paying one each. Nothing waits on a timer:
// a write goes out on the next turn of the event loop, or as soon as a statement slot frees up. Each
// caller's promise settles with its own item's outcome, and only after the statement has committed.

export interface WriteBatcherOptions<In, Out> {
  /** Writes the items in one statement; answers one result per item, in order. */
  write(items: In[]): Promise<Out[]>;
  /** Most items per statement. */
  maxBatch: number;
  /** Statements under way at once. */
  maxConcurrent: number;
  /**
   * Whether a failed statement of several items is tried again item by item, so that one bad item (a
   * value the database refuses) fails alone. Not for errors that would fail each item anyway (database down).
   */
  retrySingly(error: unknown): boolean;
}

interface Pending<In, Out> {
  item: In;
  resolve(out: Out): void;
  reject(error: unknown): void;
}

export class WriteBatcher<In, Out> {
  private readonly queue: Array<Pending<In, Out>> = [];
  private writing = 0;
  private scheduled = false;

  constructor(private readonly options: WriteBatcherOptions<In, Out>) {
    if (!(options.maxBatch >= 1 && options.maxConcurrent >= 1)) {
      throw new Error(`WriteBatcher: maxBatch and maxConcurrent must be at least 1`);
    }
  }

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** On the next turn, so that the writes of one burst (a pull's messages) go out together. */
  private schedule(): void {
    if (this.scheduled || this.writing >= this.options.maxConcurrent) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.writing < this.options.maxConcurrent) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  private async write(batch: Array<Pending<In, Out>>): Promise<void> {
    let results: Out[];
    try {
      results = await this.options.write(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1 || !this.options.retrySingly(error)) {
        batch.forEach((p) => p.reject(error));
        return;
      }
      for (const p of batch) await this.write([p]);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`WriteBatcher: ${results.length} results for ${batch.length} items`);
      batch.forEach((p) => p.reject(error));
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }
}
