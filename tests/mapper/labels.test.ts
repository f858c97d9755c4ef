import { MATCH_FLOOR, SURE, charSimilarity, labelScore, normLabel, wordSimilarity } from '../../src/mapper/labels';

describe('label normalisation', () => {
  test.each([
    ['1.属于国家秘密', '属于国家秘密'], ['1、属于国家秘密', '属于国家秘密'], ['1．属于国家秘密', '属于国家秘密'],
    ['（1）属于国家秘密', '属于国家秘密'], ['1. 属于国家秘密', '属于国家秘密'], ['(二)部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开区分处理的只计这一情形不计其他情形'],
    ['3.危及“三安全一稳定”', '危及三安全一稳定'], ['3、危及"三安全一稳定"', '危及三安全一稳定'], ['三（一）予以公开', '予以公开'],
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'], ['3.其他', '其他'], ['本年增/减', '本年增减'],
    ['⽇常', '日常'], ['总 计', '总计'],
  ])('%s → %s', (printed, want) => {
    expect(normLabel(printed)).toBe(want);
  });
});

describe('label similarity', () => {
  test('equal labels score 1', () => {
    expect(labelScore('属于国家秘密', ['属于国家秘密'])).toBe(1);
  });

  test('the misprint 其他法律行政止公开 still matches its row, loosely', () => {
    const s = labelScore(normLabel('2.其他法律行政止公开'), [normLabel('2.其他法律行政法规禁止公开')]);
    expect(s).toBeGreaterThanOrEqual(MATCH_FLOOR);
    expect(s).toBeLessThan(SURE);
  });

  test('unrelated labels do not match', () => {
    expect(labelScore('属于国家秘密', ['重复申请'])).toBeLessThan(MATCH_FLOOR);
    expect(charSimilarity('予以公开', '不予公开')).toBeLessThan(0.8);
  });

  test('word segmentation sees shared words', () => {
    expect(wordSimilarity('本机关不掌握相关政府信息', '本机关未掌握相关政府信息')).toBeGreaterThan(0.3);
    expect(wordSimilarity('属于国家秘密', '重复申请')).toBe(0);
  });
});
