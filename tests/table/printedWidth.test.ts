import { printedSpan, printedWidth } from '../../src/table/printedWidth';

describe('printed width of layout text', () => {
  test('a fullwidth character is two columns, anything else one', () => {
    expect(printedWidth('１３５')).toBe(6);
    expect(printedWidth('135')).toBe(3);
    expect(printedWidth('１2')).toBe(3);
    expect(printedWidth('3件')).toBe(2);
  });

  test('a span is as the text gives it where positions are exact, else from its start over its printed width', () => {
    expect(printedSpan({ text: '１３５', x: 30, x2: 33 }, true)).toEqual({ x: 30, x2: 33 });
    expect(printedSpan({ text: '１３５', x: 30, x2: 33 }, false)).toEqual({ x: 30, x2: 36 });
  });
});
