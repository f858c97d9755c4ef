import { detectFormat } from '../src/detect';

const b = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s) : Buffer.from(s));

describe('format by content, not by name', () => {
  test.each([
    ['%PDF-1.7\n…', 'report.txt', 'pdf'],
    ['<!DOCTYPE html><html><body></body></html>', 'report.pdf', 'html'],
    ['\n\n  <html lang="zh"><head>', 'a', 'html'],
    ['<div>政府信息公开</div>', 'page.htm', 'html'],
    ['道里区人民政府办公室\n2021年政府信息公开工作年度报告', 'report.html', 'text'],
    ['', 'x.pdf', 'empty'],
    ['   \n\n', 'x.txt', 'empty'],
  ])('%j named %s is %s', (content, name, want) => {
    expect(detectFormat(b(content), name)).toBe(want);
  });

  test('OLE (Word 97) and ZIP (Word 2007) magic', () => {
    expect(detectFormat(b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('doc');
    expect(detectFormat(Buffer.concat([b([0x50, 0x4b, 3, 4]), b('....word/document.xml')]))).toBe('docx');
    expect(detectFormat(Buffer.concat([b([0x50, 0x4b, 3, 4]), b('....xl/workbook.xml')]))).toBe('zip');
  });

  test('RTF is told apart (and refused by the pipeline), an MHT page is read as HTML', () => {
    expect(detectFormat(b('{\\rtf1\\ansi\\deff0 {\\fonttbl}}'), 'report.doc')).toBe('rtf');
    expect(detectFormat(b('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\n'), 'report.doc')).toBe('html');
  });

  test('binary junk is no text', () => {
    expect(detectFormat(Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 31) % 256)))).toBe('binary');
  });
});
