import { windowStart } from './sweep-window';

describe('windowStart', () => {
  it('goes back the named number of days', () => {
    const now = new Date('2026-12-05T12:00:00.000Z');
    expect(windowStart('1d', now)).toBe('2026-12-04T12:00:00.000Z');
    expect(windowStart('30d', now)).toBe('2026-11-05T12:00:00.000Z');
  });
});
