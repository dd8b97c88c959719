// The sweep's settings from the API's validated config (SWEEP_* variables).
import type { ConfigService } from '@nestjs/config';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '@state-hub/consistency-sweep';
import type { AppConfig } from '../config/app-config';

export function sweepSettings(config: ConfigService<AppConfig, true>): SweepSettings {
  const get = <K extends keyof AppConfig>(key: K) => config.get(key, { infer: true }) as AppConfig[K] | undefined;
  return {
    commitWriteback: get('SWEEP_COMMIT_WRITEBACK') ?? DEFAULT_SWEEP_SETTINGS.commitWriteback,
    pushWriteback: get('SWEEP_PUSH_WRITEBACK') ?? DEFAULT_SWEEP_SETTINGS.pushWriteback,
    workplanDir: get('SWEEP_WORKPLAN_DIR') ?? DEFAULT_SWEEP_SETTINGS.workplanDir,
    gitAuthorName: get('SWEEP_GIT_AUTHOR_NAME') ?? DEFAULT_SWEEP_SETTINGS.gitAuthorName,
    gitAuthorEmail: get('SWEEP_GIT_AUTHOR_EMAIL') ?? DEFAULT_SWEEP_SETTINGS.gitAuthorEmail,
    repoLockWaitSeconds: get('SWEEP_REPO_LOCK_WAIT_SECONDS') ?? DEFAULT_SWEEP_SETTINGS.repoLockWaitSeconds,
  };
}
