import { canonicalCharset, decodeWith } from '../text/decode';
import { decodeHtml } from '../adapters/html';

/**
 * The HTML of an imported part (w:altChunk). "Export to Word" tools (html-docx-js and its kin) make a DOCX whose
 * whole body is one altChunk: a web page, as HTML or as MHT (a MIME multipart/related message with the page as
 * its text/html part, usually quoted-printable). Word renders it on opening; nianbao reads the page itself.
 * Undefined when the part holds no HTML (an imported RTF or DOCX).
 */

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const body = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function header(headers: string, name: string): string | undefined {
  const m = new RegExp(`^${name}\\s*:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers);
  return m?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function param(value: string | undefined, name: string): string | undefined {
  const m = value ? new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value) : null;
  return m?.[1];
}

/** The text/html part of an MHT message, decoded. */
function htmlOfMht(raw: string): string | undefined {
  const split = /\r?\n\r?\n/.exec(raw);
  if (!split) return undefined;
  const boundary = param(header(raw.slice(0, split.index), 'Content-Type'), 'boundary');
  if (!boundary) return undefined;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const cut = /\r?\n\r?\n/.exec(part);
    if (!cut) continue;
    const headers = part.slice(0, cut.index);
    const type = header(headers, 'Content-Type');
    if (!type || !/^text\/html/i.test(type)) continue;
    const body = part.slice(cut.index + cut[0].length);
    const encoding = (header(headers, 'Content-Transfer-Encoding') ?? '').toLowerCase();
    const bytes = encoding === 'quoted-printable' ? decodeQuotedPrintable(body)
      : encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body, 'latin1');
    const charset = canonicalCharset(param(type, 'charset') ?? '');
    return charset ? decodeWith(bytes, charset) : decodeHtml(bytes);
  }
  return undefined;
}

export function altChunkHtml(bytes: Buffer, partName: string): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  if (/\.mht(ml)?$/i.test(partName) || /^MIME-Version:/im.test(head)) return htmlOfMht(bytes.toString('latin1'));
  if (/\.x?html?$/i.test(partName) || /<html|<body|<table|<p[\s>]/i.test(head)) return decodeHtml(bytes);
  return undefined;
}
