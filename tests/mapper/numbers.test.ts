import { parseNumber } from '../../src/mapper/numbers';

describe('reading a printed cell as a number (contract: every number is number | null)', () => {
  test.each([
    ['4', 4], ['１２３', 123], ['1,234', 1234], ['1，234', 1234], ['12 345', 12345], ['12件', 12], ['3 条', 3],
    ['96171.6', 96171.6], ['120万元', 120], ['0元', 0], ['-3', -3], ['－3', -3], ['减少2', -2], ['减2', -2],
    ['增加2', 2], ['+2', 2], ['零', 0], ['⼀', null],
  ])('%s → %p', (raw, want) => {
    expect(parseNumber(raw).value).toBe(want);
  });

  test.each(['', ' ', '\u00a0', '—', '-', '/', '／', '无', '——'])('blank mark "%s" is null and fine', (raw) => {
    expect(parseNumber(raw)).toEqual({ value: null, ok: true });
  });

  test('a cell with digits that is no number is null and flagged', () => {
    expect(parseNumber('见附件2')).toEqual({ value: null, ok: false });
    expect(parseNumber('1-3')).toEqual({ value: null, ok: false });
  });

  test('the unit is kept apart', () => {
    expect(parseNumber('120万元').unit).toBe('万元');
    expect(parseNumber('5').unit).toBeUndefined();
  });
});
