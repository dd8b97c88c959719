import { OutboxSignal } from './outbox-signal';

describe('OutboxSignal', () => {
  it('wakes every listener on commit, and stops waking one that unsubscribed', () => {
    const signal = new OutboxSignal();
    const woken: string[] = [];
    signal.onCommit(() => woken.push('a'));
    const off = signal.onCommit(() => woken.push('b'));
    signal.committed();
    off();
    signal.committed();
    expect(woken).toEqual(['a', 'b', 'a']);
  });

  it('says a relay here publishes only while one that is subscribed says so', () => {
    const signal = new OutboxSignal();
    let up = false;
    expect(signal.relayPublishingHere()).toBe(false); // no relay in this process
    signal.onCommit(() => undefined); // a listener that publishes nothing (a test, a metric)
    const off = signal.onCommit(() => undefined, { publishing: () => up });
    expect(signal.relayPublishingHere()).toBe(false); // its publisher is down
    up = true;
    expect(signal.relayPublishingHere()).toBe(true);
    off(); // the relay stopped
    expect(signal.relayPublishingHere()).toBe(false);
  });
});
