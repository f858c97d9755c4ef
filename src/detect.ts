import { Format } from './model';

/**
 * The format by content (contract: "Formats are chosen by content"): magic bytes first, markup sniffing after;
 * the file name only breaks a tie between HTML and text.
 */

export type Detected = Format | 'zip' | 'rtf' | 'binary' | 'empty';

function startsWith(buf: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => buf[at + i] === b);
}

export function detectFormat(buf: Uint8Array, name = ''): Detected {
  if (buf.byteLength === 0) return 'empty';
  // %PDF may follow a little junk (some servers prepend a BOM or whitespace).
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1024));
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const probe = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 65536)).toString('latin1');
    return probe.includes('word/') ? 'docx' : 'zip';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (!/\S/.test(head.toString('latin1').replace(/\0/g, '')) && buf.byteLength <= 1024) return 'empty';
  if (head.subarray(0, 16).toString('latin1').trimStart().startsWith('{\\rtf')) return 'rtf';
  if (looksBinary(head)) return 'binary';
  const text = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().slice(0, 512).toLowerCase();
  // A web page saved as one file (.mht, often named .doc): a MIME message around the page.
  if (/^mime-version:/m.test(text) && /multipart\/related/.test(head.toString('latin1').toLowerCase())) return 'html';
  if (/^<(!doctype html|html|head|body|meta|title|div|table|p[\s>])/.test(text) || /<html[\s>]/.test(text)) return 'html';
  if (/\.(html?|xhtml|shtml|jsp|aspx?|php)$/i.test(name) && /<[a-z!]/.test(text)) return 'html';
  return 'text';
}

/** Control bytes other than tab, newline, carriage return and form feed: not text in any charset nianbao reads. */
function looksBinary(head: Buffer): boolean {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return false;
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) control++;
  return control > head.length * 0.02;
}
