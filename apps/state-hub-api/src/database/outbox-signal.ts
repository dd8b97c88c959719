// In-process "events were committed" signal, so the relay of this process
// publishes at once instead of waiting for its next poll.
import { Injectable } from '@nestjs/common';

@Injectable()
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
