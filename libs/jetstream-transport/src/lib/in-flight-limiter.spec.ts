import { InFlightLimiter } from './in-flight-limiter';

describe('InFlightLimiter', () => {
  it('grants up to max slots and hands a released slot to the next waiter', async () => {
    const limiter = new InFlightLimiter(2);
    expect(await limiter.acquire()).toBe(true);
    expect(await limiter.acquire()).toBe(true);
    let third: boolean | undefined;
    void limiter.acquire().then((granted) => (third = granted));
    await Promise.resolve();
    expect(third).toBeUndefined();
    limiter.release();
    await Promise.resolve();
    expect(third).toBe(true);
    expect(limiter.inFlight).toBe(2);
  });

  it('refuses waiters and new requests once closed; running work keeps its slot', async () => {
    const limiter = new InFlightLimiter(1);
    await limiter.acquire();
    const waiting = limiter.acquire();
    limiter.close();
    expect(await waiting).toBe(false);
    expect(await limiter.acquire()).toBe(false);
    expect(limiter.inFlight).toBe(1);
  });

  it('whenIdle resolves true when the last slot is released, false on timeout', async () => {
    const limiter = new InFlightLimiter(3);
    expect(await limiter.whenIdle(10)).toBe(true);
    await limiter.acquire();
    expect(await limiter.whenIdle(20)).toBe(false);
    const idle = limiter.whenIdle(1000);
    setTimeout(() => limiter.release(), 10);
    expect(await idle).toBe(true);
    expect(limiter.inFlight).toBe(0);
  });
});
