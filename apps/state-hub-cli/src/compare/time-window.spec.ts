import { UsageError } from '../cli/cli-errors';
import { timeWindow } from './time-window';

const NOW = new Date('2026-06-28T12:00:00Z');

describe('timeWindow', () => {
  it('counts a relative --since back from --until, or from now', () => {
    expect(timeWindow('7d', undefined, NOW)).toEqual({ since: new Date('2026-06-21T12:00:00Z'), until: NOW });
    expect(timeWindow('24h', '2026-06-22T00:00:00Z', NOW)).toEqual({
      since: new Date('2026-06-21T00:00:00Z'),
      until: new Date('2026-06-22T00:00:00Z'),
    });
  });

  it('takes ISO timestamps, with or without a time', () => {
    expect(timeWindow('2026-06-21', '2026-06-21T06:00:00+02:00', NOW)).toEqual({
      since: new Date('2026-06-21T00:00:00Z'),
      until: new Date('2026-06-21T04:00:00Z'),
    });
  });

  it.each([
    ['yesterday', undefined, /--since must be a duration such as 7d or 24h, or an ISO timestamp \(got "yesterday"\)/],
    ['7w', undefined, /--since must be a duration/],
    ['2026-02-30T00:00:00Z', undefined, /--since must be an ISO timestamp/],
    ['7d', 'soon', /--until must be an ISO timestamp such as 2026-06-21T00:00:00Z \(got "soon"\)/],
    ['2026-06-29T00:00:00Z', undefined, /--since \(2026-06-29T00:00:00.000Z\) must be before --until/],
    ['0h', undefined, /must be before --until/],
  ])('refuses since=%s until=%s', (since, until, message) => {
    expect(() => timeWindow(since, until, NOW)).toThrow(UsageError);
    expect(() => timeWindow(since, until, NOW)).toThrow(message);
  });
});
