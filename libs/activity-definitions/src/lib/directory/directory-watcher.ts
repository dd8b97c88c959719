// fs.watch on the definitions directory, debounced: an editor's save is often
// several events (write temp file, rename), and they should cause one reload.
import { watch, type FSWatcher } from 'node:fs';
import { isDefinitionFileName } from './definition-files';

export class DirectoryWatcher {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    private readonly debounceMs: number,
    private readonly onSettled: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    if (this.watcher) return;
    // Not persistent: the engine's servers keep the process alive, not this watcher.
    this.watcher = watch(this.dir, { persistent: false }, (_event, filename) => {
      if (filename && !isDefinitionFileName(filename.toString())) return;
      this.schedule();
    });
    this.watcher.on('error', (error) => this.onError(error));
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onSettled();
    }, this.debounceMs);
    this.timer.unref();
  }
}
