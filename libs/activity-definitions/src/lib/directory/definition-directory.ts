// The definitions directory as the engine sees it: every file's status, the
// definitions that run, and hot reload. A reload is atomic per file: a file
// whose new content is broken is reported and its last good version keeps running.
import { contentHash } from '../parse/content-hash';
import type { DefinitionProblem } from '../parse/definition-problem';
import type { LoadedDefinition, ParseResult } from '../parse/loaded-definition';
import { parseDefinition } from '../parse/parse-definition';
import { readYaml } from '../parse/yaml-source';
import { readDefinitionFiles, type FileRead } from './definition-files';
import type { DefinitionDirectoryOptions, DefinitionLogger, DefinitionStatus } from './definition-status';
import { DirectoryWatcher } from './directory-watcher';
import { logReload } from './reload-log';
import { resolveIds } from './resolve-ids';

type ChangeListener = (statuses: DefinitionStatus[]) => void;

interface ParsedFile {
  sourcePath: string;
  text?: string;
  hash?: string;
  result: ParseResult;
}

const SILENT: DefinitionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export class DefinitionDirectory {
  private statuses = new Map<string, DefinitionStatus>();
  private parsed = new Map<string, ParsedFile>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly logger: DefinitionLogger;
  private readonly watcher?: DirectoryWatcher;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly options: DefinitionDirectoryOptions,
  ) {
    this.logger = options.logger ?? SILENT;
    if (options.watch) {
      const reload = () => void this.reload().catch((error: unknown) => this.logger.error(errorText(error)));
      const onError = (error: Error) => this.logger.error(`watching ${dir} failed: ${error.message}`);
      this.watcher = new DirectoryWatcher(dir, options.debounceMs ?? 200, reload, onError);
    }
  }

  /** Loads every definition file; rejects when the directory cannot be read. Starts watching if asked to. */
  async load(): Promise<void> {
    // Watch before reading, so a change made during the first load is not missed.
    this.watcher?.start();
    await this.enqueue(true);
  }

  /** Re-reads the directory now (the watcher calls this after file events). */
  reload(): Promise<void> {
    return this.enqueue(false);
  }

  list(): DefinitionStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  /** Definitions that run: enabled, and loaded or the last good version of a now-broken file. */
  active(): LoadedDefinition[] {
    return [...this.statuses.values()].flatMap((s) => (s.active?.enabled ? [s.active] : []));
  }

  on(event: 'change', listener: ChangeListener): this {
    if (event === 'change') this.listeners.add(listener);
    return this;
  }

  off(event: 'change', listener: ChangeListener): this {
    if (event === 'change') this.listeners.delete(listener);
    return this;
  }

  /** Stops watching and waits for a reload in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    await this.queue.catch(() => undefined);
  }

  // Reloads run one at a time, in order.
  private enqueue(rejectOnError: boolean): Promise<void> {
    const run = this.queue.then(() => this.reloadOnce(rejectOnError));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async reloadOnce(rejectOnError: boolean): Promise<void> {
    if (this.closed) return;
    let files: FileRead[];
    try {
      files = await readDefinitionFiles(this.dir);
    } catch (error) {
      const message = `cannot read definitions directory ${this.dir}: ${errorText(error)}`;
      if (rejectOnError) throw new Error(message);
      // A transient failure (EMFILE, a remount) must not stop every definition: keep the current state.
      return this.logger.error(`${message}; keeping the definitions loaded before`);
    }
    const parsed = files.map((file) => this.parseFile(file));
    this.parsed = new Map(parsed.map((file) => [file.sourcePath, file]));
    const next = this.decide(parsed);
    logReload(this.logger, this.statuses, next);
    this.statuses = next;
    this.emitChange();
  }

  private parseFile(file: FileRead): ParsedFile {
    if ('error' in file) {
      return {
        sourcePath: file.sourcePath,
        result: { ok: false, problems: [{ path: file.sourcePath, message: file.error }], warnings: [] },
      };
    }
    const hash = contentHash(file.text);
    const cached = this.parsed.get(file.sourcePath);
    if (cached?.hash === hash) return cached;
    const result = parseDefinition(file.text, {
      path: file.sourcePath,
      env: this.options.env,
      unsetVariables: this.options.unsetVariables,
    });
    return { sourcePath: file.sourcePath, text: file.text, hash, result };
  }

  private decide(files: ParsedFile[]): Map<string, DefinitionStatus> {
    const decisions = resolveIds(
      files.map((file) => ({
        sourcePath: file.sourcePath,
        latest: file.result.ok ? file.result.definition : undefined,
        previous: this.statuses.get(file.sourcePath)?.active,
      })),
    );
    const next = new Map<string, DefinitionStatus>();
    for (const file of files) {
      const decision = decisions.get(file.sourcePath) ?? {};
      const { result } = file;
      const errors = result.ok ? [] : [...result.problems];
      if (result.ok && decision.duplicateOf)
        errors.push(duplicateProblem(file, result.definition.id, decision.duplicateOf));
      const id = (result.ok ? result.definition.id : undefined) ?? decision.active?.id ?? rawId(file.text);
      const state = errors.length > 0 ? 'invalid' : result.ok && result.definition.enabled ? 'loaded' : 'disabled';
      next.set(file.sourcePath, {
        sourcePath: file.sourcePath,
        ...(id ? { id } : {}),
        state,
        errors,
        warnings: result.warnings,
        ...(file.hash ? { contentHash: file.hash } : {}),
        ...(decision.active ? { active: decision.active } : {}),
      });
    }
    return next;
  }

  private emitChange(): void {
    const statuses = this.list();
    for (const listener of this.listeners) {
      try {
        listener(statuses);
      } catch (error) {
        this.logger.error(`a definitions change listener failed: ${errorText(error)}`);
      }
    }
  }
}

function duplicateProblem(file: ParsedFile, id: string, owner: string): DefinitionProblem {
  const yaml = file.text === undefined ? undefined : readYaml(file.text);
  const position = yaml?.ok ? yaml.locate(['id']) : {};
  return { path: file.sourcePath, ...position, message: `id: "${id}" is already defined in ${owner}` };
}

// The id a broken file asks for, when its YAML is readable: lets the status name it.
function rawId(text: string | undefined): string | undefined {
  const yaml = text === undefined ? undefined : readYaml(text);
  const value: unknown = yaml?.ok ? yaml.value : undefined;
  const id = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
