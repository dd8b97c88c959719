import { checkFilter } from './filters';

describe('checkFilter', () => {
  const allowed = ['open', 'resolved'] as const;

  it('takes a value from the vocabulary, and no value as no filter', () => {
    expect(checkFilter('status', 'open', allowed)).toEqual({ value: 'open' });
    expect(checkFilter('status', null, allowed)).toEqual({ value: undefined });
    expect(checkFilter('status', '', allowed)).toEqual({ value: undefined });
  });

  it('names the allowed values when the URL holds another', () => {
    expect(checkFilter('status', 'closed', allowed)).toEqual({
      value: undefined,
      error: 'status must be one of open, resolved (got "closed")',
    });
  });
});
