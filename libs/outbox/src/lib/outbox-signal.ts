// In-process "events were committed" signal, so the relay of this process
// delivers at once instead of waiting for its next poll or a NOTIFY (on the
// embedded database it is the only wake-up: there is one process).
//
// It also tells a writer whether a relay of this process is publishing: a row
// committed then needs no NOTIFY, since this process's relay takes it. A NOTIFY
// is not free: Postgres serialises the commits of every transaction that sends
// one (they take one lock per database, held until their commit is flushed).

/**
 * What an in-process writer of outbox rows is given (an OutboxSignal): it asks whether a relay of this process will
 * publish its rows (then it sends no NOTIFY) and says when they are committed (that relay is woken in-process).
 */
export interface OutboxCommits {
  committed(): void;
  relayPublishingHere(): boolean;
}

/** Whether a commit that writes outbox rows has to NOTIFY: unless a relay of this process takes them. */
export const needsNotify = (outbox: Pick<OutboxCommits, 'relayPublishingHere'> | undefined): boolean =>
  !outbox?.relayPublishingHere();

export interface CommitListenerOptions {
  /** True while this listener's relay publishes what commits; then writers skip their NOTIFY. */
  publishing?: () => boolean;
}

export class OutboxSignal implements OutboxCommits {
  private readonly listeners = new Map<() => void, CommitListenerOptions>();

  onCommit(listener: () => void, options: CommitListenerOptions = {}): () => void {
    this.listeners.set(listener, options);
    return () => this.listeners.delete(listener);
  }

  committed(): void {
    for (const listener of this.listeners.keys()) listener();
  }

  /**
   * Whether a relay in this process is publishing now, so that rows committed now need not wake any other
   * process (the writer then sends no NOTIFY). False when none is, or its publisher is down: then another
   * process's relay is woken, as before.
   */
  relayPublishingHere(): boolean {
    for (const options of this.listeners.values()) if (options.publishing?.()) return true;
    return false;
  }
}
