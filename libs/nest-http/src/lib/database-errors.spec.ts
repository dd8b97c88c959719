import { classifyDatabaseError } from './database-errors';

describe('classifyDatabaseError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'unavailable'],
    [{ driverError: { code: '57P01', message: 'terminating connection due to administrator command' } }, 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [{ driverError: { code: '23505', constraint: 'uq' } }, 'unique'],
    [{ driverError: { code: '23503' } }, 'foreign_key'],
    [{ driverError: { code: '22P02' } }, 'bad_value'],
    [{ driverError: { code: '22021' } }, 'bad_value'],
    [{ driverError: { code: '23502' } }, 'bad_value'],
  ])('classifies %j as %s', (error, kind) => {
    expect(classifyDatabaseError(error)?.kind).toBe(kind);
  });

  it('leaves everything else alone (a real bug stays a 500)', () => {
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyDatabaseError({ driverError: { code: '42P01' } })).toBeUndefined();
    expect(classifyDatabaseError(undefined)).toBeUndefined();
  });
});
