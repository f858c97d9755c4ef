import iconv from 'iconv-lite';

/**
 * Bytes to text. Government sites still publish GBK/GB2312/GB18030 (pitfalls.md); a declared charset wins,
 * then a BOM, then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
 */

export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export function bomCharset(buf: Uint8Array): Charset | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Map a declared label to one iconv-lite decodes; GBK and GB2312 pages often hold GB18030-only characters. */
export function canonicalCharset(label: string): Charset | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|csgb2312|chinese)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cp950)$/.test(l)) return 'big5';
  if (/^utf-?16(le)?$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  return iconv.encodingExists(l) ? l : undefined;
}

export function decodeWith(buf: Uint8Array, charset: Charset): string {
  const bom = bomCharset(buf);
  const skip = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  const body = Buffer.from(buf.buffer, buf.byteOffset + skip, buf.byteLength - skip);
  if (charset === 'utf-8') return body.toString('utf8');
  return iconv.decode(body, charset);
}

/** Decode text whose charset nobody declared. */
export function sniffDecode(buf: Uint8Array): { text: string; charset: Charset } {
  const bom = bomCharset(buf);
  if (bom) return { text: decodeWith(buf, bom), charset: bom };
  if (isValidUtf8(buf)) return { text: decodeWith(buf, 'utf-8'), charset: 'utf-8' };
  return { text: decodeWith(buf, 'gb18030'), charset: 'gb18030' };
}
