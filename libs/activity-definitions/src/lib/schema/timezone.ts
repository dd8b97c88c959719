// IANA timezone names (`UTC`, `Europe/Berlin`, `Etc/GMT+1`), checked against the
// runtime's tz database. Offsets like `+01:00` are refused: they ignore DST.

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

export function isValidTimezone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
