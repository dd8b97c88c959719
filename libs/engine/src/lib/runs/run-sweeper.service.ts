// Periodically marks runs left `running` past their deadline (their replica
// died mid-run) as abandoned, so the history never shows a run forever active.
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { RunRecorder } from './run-recorder';

@Injectable()
export class RunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RunSweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly recorder: RunRecorder,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.get('RUN_SWEEP_INTERVAL_MS', { infer: true }));
    this.timer.unref();
  }

  async sweep(): Promise<number> {
    try {
      const count = await this.recorder.abandonOverdue();
      if (count > 0) this.logger.warn(`marked ${count} run(s) abandoned: still running past their deadline`);
      return count;
    } catch (error) {
      this.logger.error(`sweeping overdue runs failed: ${String(error)}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
