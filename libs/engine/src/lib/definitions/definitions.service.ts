// Owns the definitions directory: loads it at start, reloads on file changes,
// and mirrors every file's status into activity_definitions for the API.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DefinitionDirectory, type DefinitionStatus, type LoadedDefinition } from '@state-hub/activity-definitions';
import type { AppConfig } from '../config/app-config';
import { DEFINITION_ENV } from '../config/definition-env';
import { DefinitionMirror } from './definition-mirror';

type ChangeListener = (active: LoadedDefinition[]) => void;

@Injectable()
export class DefinitionsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Definitions');
  private readonly directory: DefinitionDirectory;
  private readonly listeners = new Set<ChangeListener>();
  private loaded?: Promise<void>;

  constructor(
    config: ConfigService<AppConfig, true>,
    @Inject(DEFINITION_ENV) env: Record<string, string | undefined>,
    private readonly mirror: DefinitionMirror,
  ) {
    this.directory = new DefinitionDirectory(config.get('ACTIVITY_DEFINITIONS_DIR', { infer: true }), {
      env,
      watch: true,
      logger: {
        log: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
        error: (message) => this.logger.error(message),
      },
    });
  }

  onModuleInit(): Promise<void> {
    return this.ready();
  }

  /**
   * Resolves once the directory has been loaded. Event handling waits for it: an event handled
   * before the definitions are known would be acked without its runs.
   */
  ready(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<void> {
    // The directory logs every problem of a file as `path:line:col: message` when it loads or changes.
    await this.directory.load();
    await this.mirror.write(this.directory.list());
    this.directory.on('change', (statuses) => this.onChange(statuses));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.directory.close();
  }

  /** Definitions that run: enabled, loaded (or the last good version of a now-broken file). */
  active(): LoadedDefinition[] {
    return this.directory.active();
  }

  list(): DefinitionStatus[] {
    return this.directory.list();
  }

  find(id: string): LoadedDefinition | undefined {
    return this.active().find((definition) => definition.id === id);
  }

  counts(): { loaded: number; invalid: number; disabled: number } {
    const counts = { loaded: 0, invalid: 0, disabled: 0 };
    for (const status of this.directory.list()) counts[status.state] += 1;
    return counts;
  }

  onActiveChange(listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  private onChange(statuses: DefinitionStatus[]): void {
    this.mirror
      .write(statuses)
      .catch((error: unknown) => this.logger.error(`mirroring definitions into the database failed: ${String(error)}`));
    const active = this.directory.active();
    for (const listener of this.listeners) listener(active);
  }
}
