import { joinLines, normalizeChars } from '../../src/text/normalize';

describe('character normalisation', () => {
  test('Kangxi radicals and compatibility ideographs become the ideographs a reader sees', () => {
    expect(normalizeChars('⽇常⼯作')).toBe('日常工作');
    expect(normalizeChars('⼀、本年新收')).toBe('一、本年新收');
  });
  test('full-width digits and letters become ASCII', () => {
    expect(normalizeChars('１２３ＡＢ')).toBe('123AB');
  });
  test('every kind of space becomes one ASCII space', () => {
    expect(normalizeChars('a\u00a0b\u3000c\u2002d')).toBe('a b c d');
  });
});

describe('joining wrapped lines', () => {
  test('CJK lines join without a space', () => {
    expect(joinLines(['社会', '公益', '组织'])).toBe('社会公益组织');
    expect(joinLines(['结', '果', '维', '持'])).toBe('结果维持');
  });
  test('Latin words and numbers keep a space between them', () => {
    expect(joinLines(['ISO', '9001'])).toBe('ISO 9001');
    expect(joinLines(['第', '2', '项'])).toBe('第2项');
  });
  test('empty lines inside a cell vanish', () => {
    expect(joinLines(['', '0', ' '])).toBe('0');
  });
});
