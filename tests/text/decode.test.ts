import iconv from 'iconv-lite';
import { decodeWith, hasNonAscii, isValidUtf8, sniffDecode } from '../../src/text/decode';

// GB18030 text as government pages hold it: GBK ideographs, full-width punctuation, and characters only GB18030
// encodes (four-byte sequences: a CJK Extension B ideograph, the euro sign, a bopomofo letter).
const REPORT = '（一）予以公开 本机关2023年度收到政府信息公开申请€ 𠀀 ㄅ 璟 镕 —— 《条例》';

describe('decodeWith', () => {
  it('decodes GB18030 (four-byte characters too) exactly as iconv-lite does', () => {
    const bytes = iconv.encode(REPORT, 'gb18030');
    expect(bytes.length).toBeGreaterThan(REPORT.length);
    expect(decodeWith(bytes, 'gb18030')).toBe(REPORT);
    expect(decodeWith(bytes, 'gb18030')).toBe(iconv.decode(bytes, 'gb18030'));
  });

  it('marks a broken byte sequence the way iconv-lite does, with U+FFFD, and goes on', () => {
    const bytes = Buffer.concat([iconv.encode('予以公开', 'gb18030'), Buffer.from([0xff]), iconv.encode('。', 'gb18030')]);
    const text = decodeWith(bytes, 'gb18030');
    expect(text.startsWith('予以公开')).toBe(true);
    expect(text).toContain('\ufffd');
    expect(text.endsWith('。')).toBe(true);
    expect(text).toBe(iconv.decode(bytes, 'gb18030'));
  });

  it('decodes charsets Node has no decoder for with iconv-lite', () => {
    expect(decodeWith(iconv.encode('政府資訊公開', 'big5'), 'big5')).toBe('政府資訊公開');
  });
});

describe('sniffing', () => {
  it('tells UTF-8 from GBK by the bytes', () => {
    expect(isValidUtf8(Buffer.from(REPORT, 'utf8'))).toBe(true);
    expect(isValidUtf8(iconv.encode(REPORT, 'gb18030'))).toBe(false);
    expect(sniffDecode(iconv.encode(REPORT, 'gb18030'))).toEqual({ text: REPORT, charset: 'gb18030' });
    expect(sniffDecode(Buffer.from(REPORT, 'utf8'))).toEqual({ text: REPORT, charset: 'utf-8' });
  });

  it('sees a character past ASCII anywhere in the bytes', () => {
    expect(hasNonAscii(Buffer.from('<meta charset="gbk"> 2023'))).toBe(false);
    expect(hasNonAscii(Buffer.from('<meta charset="gbk"> 2023年'))).toBe(true);
  });
});
