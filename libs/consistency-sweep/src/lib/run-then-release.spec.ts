// A failing clean-up never hides why the work failed.
import { runThenRelease, type WithSuppressed } from './run-then-release';

describe('runThenRelease', () => {
  it('returns the result and releases once', async () => {
    const released: string[] = [];
    await expect(
      runThenRelease(
        async () => 42,
        async () => void released.push('x'),
      ),
    ).resolves.toBe(42);
    expect(released).toEqual(['x']);
  });

  it('rethrows the work error, not the release error, and attaches the latter', async () => {
    const cause = new Error('database went away during the sweep');
    const unlock = new Error('cannot unlock: connection terminated');
    const failing = runThenRelease(
      async () => {
        throw cause;
      },
      async () => {
        throw unlock;
      },
    );
    await expect(failing).rejects.toBe(cause);
    expect((cause as Error & WithSuppressed).suppressed).toBe(unlock);
  });

  it('releases after a failed work and throws the release error when only it fails', async () => {
    let released = false;
    await expect(
      runThenRelease(
        async () => {
          throw new Error('work');
        },
        async () => {
          released = true;
        },
      ),
    ).rejects.toThrow('work');
    expect(released).toBe(true);
    await expect(
      runThenRelease(
        async () => 1,
        async () => {
          throw new Error('release');
        },
      ),
    ).rejects.toThrow('release');
  });
});
