import { printedWidth } from '../../src/table/printedWidth';

describe('printed width of layout text', () => {
  test('a fullwidth character is two columns, anything else one', () => {
    expect(printedWidth('１３５')).toBe(6);
    expect(printedWidth('135')).toBe(3);
    expect(printedWidth('１2')).toBe(3);
    expect(printedWidth('3件')).toBe(2);
  });
});
