import iconv from 'iconv-lite';
import { readText } from '../../src/adapters/text';

const seedLike = '某局\n2021年政府信息公开工作年度报告\n\t规章\n\t１\n';

describe('text files in every encoding reports come in', () => {
  test.each([
    ['UTF-8', Buffer.from(seedLike)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedLike)])],
    ['GBK', iconv.encode(seedLike, 'gbk')],
    ['GB18030', iconv.encode(seedLike, 'gb18030')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seedLike, 'utf16-le')])],
  ])('%s', (_name, buf) => {
    const doc = readText(buf);
    expect(doc.format).toBe('text');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '某局' });
    expect(doc.blocks[2]).toMatchObject({ kind: 'table' });
  });
});
