import { joinLines, normalizeChars } from '../../src/text/normalize';
import { RADICAL_PAIRS } from '../../src/text/radicals';

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

describe('radicals and look-alike characters from PDF text', () => {
  test('fold to the ideograph the page shows', () => {
    expect(normalizeChars('人⺠政府')).toBe('人民政府');
    expect(normalizeChars('⻓沙市')).toBe('长沙市');
    expect(normalizeChars('黑⻰江省')).toBe('黑龙江省');
    expect(normalizeChars('㬵州市')).toBe('胶州市');
    expect(normalizeChars('⻔户网站 ⻅面 ⻢上')).toBe('门户网站 见面 马上');
    expect(normalizeChars('肥⻄县')).toBe('肥西县');
  });

  test('every pair of the table maps a variant to a unified ideograph', () => {
    expect(RADICAL_PAIRS.length % 2).toBe(0);
    for (let i = 0; i < RADICAL_PAIRS.length; i += 2) {
      const to = RADICAL_PAIRS.codePointAt(i + 1)!;
      expect(to >= 0x4e00 && to <= 0x9fff).toBe(true);
      expect(RADICAL_PAIRS.codePointAt(i)! < 0x4e00).toBe(true);
    }
  });
});
