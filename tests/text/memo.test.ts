import { memoize } from '../../src/text/memo';

describe('memoize', () => {
  test('an answer is computed once, falsy answers included', () => {
    const calls: string[] = [];
    const f = memoize((s: string) => {
      calls.push(s);
      return s === 'no' ? false : s.length;
    });
    expect([f('ab'), f('ab'), f('no'), f('no')]).toEqual([2, 2, false, false]);
    expect(calls).toEqual(['ab', 'no']);
  });

  test('at most `limit` answers are kept: a long batch of free text cannot make it grow', () => {
    let calls = 0;
    const f = memoize((s: string) => (calls++, s), 2);
    f('a');
    f('b');
    f('a');
    expect(calls).toBe(2);
    f('c'); // full: everything is dropped, then c kept
    f('a');
    expect(calls).toBe(4);
  });
});
