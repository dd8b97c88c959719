import { OutputTail } from './output-tail';

describe('OutputTail', () => {
  it('keeps everything under the limit', () => {
    const tail = new OutputTail(10);
    tail.push(Buffer.from('abc'));
    tail.push(Buffer.from('def'));
    expect(tail.text()).toBe('abcdef');
  });

  it('keeps only the last bytes and says how many were cut', () => {
    const tail = new OutputTail(4);
    tail.push(Buffer.from('0123'));
    tail.push(Buffer.from('456789'));
    expect(tail.text()).toBe('[… 6 bytes cut]\n6789');
  });
});
