import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
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

/** Checked natively, without making a string of it (the page is decoded once, after). */
export function isValidUtf8(buf: Uint8Array): boolean {
  return isUtf8(buf);
}

/** True when any byte is past ASCII (in valid UTF-8: when the text has a character past ASCII). */
export function hasNonAscii(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

/**
 * Node's own decoders (ICU) where Node has them: GB18030 decodes twice as fast as iconv-lite's, with the same text
 * (checked on the 940 GBK pages of the bench corpus). iconv-lite is the fallback, and decodes what ICU does not.
 */
const native = new Map<string, TextDecoder | null>();
function nativeDecoder(charset: string): TextDecoder | null {
  let d = native.get(charset);
  if (d === undefined) {
    try {
      d = charset === 'gb18030' ? new TextDecoder(charset) : null;
    } catch {
      d = null;
    }
    native.set(charset, d);
  }
  return d;
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
  return nativeDecoder(charset)?.decode(body) ?? iconv.decode(body, charset);
}

/** Decode text whose charset nobody declared. */
export function sniffDecode(buf: Uint8Array): { text: string; charset: Charset } {
  const bom = bomCharset(buf);
  if (bom) return { text: decodeWith(buf, bom), charset: bom };
  if (isValidUtf8(buf)) return { text: decodeWith(buf, 'utf-8'), charset: 'utf-8' };
  return { text: decodeWith(buf, 'gb18030'), charset: 'gb18030' };
}
