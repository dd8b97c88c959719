import { compileCron, CronCompileError } from './compile-cron';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('compileCron', () => {
  it('gives the next slot strictly after a time', () => {
    const cron = compileCron({ cron_expression: '*/15 * * * *', timezone: 'UTC' });
    expect(cron.nextSlot(new Date('2026-05-01T10:00:00Z'))?.toISOString()).toBe('2026-05-01T10:15:00.000Z');
    expect(cron.nextSlot(new Date('2026-05-01T10:07:30Z'))?.toISOString()).toBe('2026-05-01T10:15:00.000Z');
  });

  it('lists the slots in (from, to], capped at max', () => {
    const cron = compileCron({ cron_expression: '*/15 * * * *', timezone: 'UTC' });
    const from = new Date('2026-05-01T10:00:00Z');
    const to = new Date('2026-05-01T11:00:00Z');
    expect(iso(cron.slotsBetween(from, to, 10))).toEqual([
      '2026-05-01T10:15:00.000Z',
      '2026-05-01T10:30:00.000Z',
      '2026-05-01T10:45:00.000Z',
      '2026-05-01T11:00:00.000Z',
    ]);
    expect(cron.slotsBetween(from, to, 2)).toHaveLength(2);
    expect(cron.slotsBetween(to, from, 10)).toEqual([]);
  });

  it('reads the expression in its timezone, across a DST change', () => {
    // Europe/Berlin: CET (UTC+1) until 2026-03-29 02:00, then CEST (UTC+2).
    const cron = compileCron({ cron_expression: '0 3 * * *', timezone: 'Europe/Berlin' });
    expect(iso(cron.slotsBetween(new Date('2026-03-27T12:00:00Z'), new Date('2026-03-30T12:00:00Z'), 10))).toEqual([
      '2026-03-28T02:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T01:00:00.000Z',
    ]);
  });

  it('runs a daily job once on the night the clocks go back', () => {
    // 02:30 happens twice in Berlin on 2026-10-25.
    const cron = compileCron({ cron_expression: '30 2 * * *', timezone: 'Europe/Berlin' });
    const slots = cron.slotsBetween(new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'), 10);
    expect(iso(slots)).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('carries the catch-up window in ms', () => {
    expect(compileCron({ cron_expression: '0 3 * * *', timezone: 'UTC', catchup_window: '1h' }).catchupWindowMs).toBe(
      3_600_000,
    );
    expect(compileCron({ cron_expression: '0 3 * * *', timezone: 'UTC' }).catchupWindowMs).toBeUndefined();
  });

  it('accepts the @daily family', () => {
    const cron = compileCron({ cron_expression: '@daily', timezone: 'UTC' });
    expect(cron.nextSlot(new Date('2026-05-01T10:00:00Z'))?.toISOString()).toBe('2026-05-02T00:00:00.000Z');
  });

  it.each([
    ['*/99 * * * *', /invalid cron expression "\*\/99 \* \* \* \*": .*steps/],
    ['* * * * * * *', /expected 5 fields .* got 7/],
    ['every minute', /expected 5 fields/],
    ['61 * * * *', /invalid cron expression/],
    ['0 0 31 2 *', /never matches a date/],
  ])('refuses %j', (expression, message) => {
    expect(() => compileCron({ cron_expression: expression, timezone: 'UTC' })).toThrow(CronCompileError);
    expect(() => compileCron({ cron_expression: expression, timezone: 'UTC' })).toThrow(message);
  });

  it('refuses an unknown timezone at compile time', () => {
    expect(() => compileCron({ cron_expression: '0 3 * * *', timezone: 'Mars/Base' })).toThrow(/Mars\/Base/);
  });
});

describe('compileCron with a seconds field', () => {
  it('accepts six fields and schedules sub-minute slots', () => {
    const cron = compileCron({ cron_expression: '*/10 * * * * *', timezone: 'UTC' });
    const from = new Date('2026-01-01T00:00:00Z');
    expect(cron.slotsBetween(from, new Date('2026-01-01T00:00:30Z'), 10).map((d) => d.toISOString())).toEqual([
      '2026-01-01T00:00:10.000Z',
      '2026-01-01T00:00:20.000Z',
      '2026-01-01T00:00:30.000Z',
    ]);
  });
});
