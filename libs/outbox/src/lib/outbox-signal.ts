// In-process "events were committed" signal, so the relay of this process
// delivers at once instead of waiting for its next poll (on the embedded
// database there is no LISTEN/NOTIFY across processes: there is one process).

export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  committed(): void {
    for (const listener of this.listeners) listener();
  }
}
