#!/usr/bin/env node
'use strict';
// Used by office.sh: copy every NAME.html of a corpus folder into a work folder as UTF-8 with a declared
// charset, so LibreOffice reads the GBK pages (even the undeclared ones) as the browser would.
//   node office-prep.js CORPUS_DIR WORK_DIR

const fs = require('fs');
const path = require('path');
const iconv = require('iconv-lite');

function decode(buf) {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.slice(3).toString('utf8');
  const head = buf.slice(0, 2048).toString('latin1');
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (m) return iconv.decode(buf, m[1]);
  const utf8 = buf.toString('utf8');
  return utf8.includes('\ufffd') ? iconv.decode(buf, 'gbk') : utf8; // sniff: not valid UTF-8 -> GBK
}

const [src, dst] = process.argv.slice(2);
if (!src || !dst) {
  console.error('usage: office-prep.js CORPUS_DIR WORK_DIR');
  process.exit(2);
}
fs.mkdirSync(dst, { recursive: true });
let n = 0;
for (const f of fs.readdirSync(src).sort()) {
  if (!f.endsWith('.html')) continue;
  let html = decode(fs.readFileSync(path.join(src, f)));
  html = html.replace(/<meta[^>]*charset[^>]*>/gi, '');
  html = html.replace(/<head>/i, '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">');
  // a Chinese document language makes LibreOffice pick the Simplified Chinese CJK fonts
  if (!/<html[^>]*\blang=/i.test(html)) html = html.replace(/<html\b/i, '<html lang="zh-CN"');
  fs.writeFileSync(path.join(dst, f), html, 'utf8');
  n++;
}
console.log(`prepared ${n} pages in ${dst}`);
