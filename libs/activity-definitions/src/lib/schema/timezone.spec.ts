import { isValidTimezone } from './timezone';

describe('isValidTimezone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1'])('accepts %s', (zone) => {
    expect(isValidTimezone(zone)).toBe(true);
  });

  it.each(['Mars/Base', '+01:00', '', 'Europe/', 'UTC; rm -rf /'])('refuses %j', (zone) => {
    expect(isValidTimezone(zone)).toBe(false);
  });
});
