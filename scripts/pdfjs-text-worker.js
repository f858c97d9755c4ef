#!/usr/bin/env node
'use strict';
/**
 * Writes dist/pdf/pdf.worker.text.mjs: pdfjs-dist's legacy worker with three changes for reading text, each
 * giving the same text items as the worker it is made from (tests/pdf/textWorker.test.ts compares them):
 *
 * 1. Fonts. pdf.js converts every embedded font program to OpenType when it loads a font (Type1 to CFF, CFF to
 *    OpenType, TrueType checked and repaired), so that a browser can draw with it. Reading text never draws: the
 *    text of a glyph comes from the font's ToUnicode map, its advance from the PDF's own widths. Where a font has a
 *    ToUnicode map, the conversion changes neither (adjustType1ToUnicode and adjustTrueTypeToUnicode return early
 *    for such fonts), and it was a third of nianbao's time on a PDF. The patched constructor keeps what it sets
 *    before the font program is read, adds the fallback text map pdf.js adds after a conversion
 *    (amendFallbackToUnicode), and skips the program. A font without a ToUnicode map is converted as before: its
 *    program may be where its text comes from.
 * 2. TextState.clone (each `q` of a content stream) made the state it copied the prototype of the copy,
 *    `Object.create(this)`: V8 turns every such object into a prototype, which was a tenth of the time on a PDF.
 *    Every field of a TextState is its own (class fields), so a copy with TextState's own prototype is the same.
 * 3. Flate streams. pdf.js inflates with the web DecompressionStream, which Node builds from zlib, web streams and
 *    promises; on Node, zlib's inflateSync does the same in one call. Where either fails, the result is the same as
 *    before: no bytes, and pdf.js decodes the stream with its own inflater.
 *
 * Anchors are checked: a pdfjs-dist that reads differently fails the build, never ships a half-patched worker.
 */
const fs = require('node:fs');
const path = require('node:path');

const source = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const target = path.join(__dirname, '..', 'dist', 'pdf', 'pdf.worker.text.mjs');
const MARK = 'nianbao (scripts/pdfjs-text-worker.js)';

const PATCHES = [
  {
    name: 'Font: skip the font program of a font with a ToUnicode map',
    find: `    if (!file || file.isEmpty) {
      if (file) {
        warn('Font file is empty in "' + name + '" (' + this.loadedName + ")");`,
    insert: `    if (file && !file.isEmpty && properties.hasIncludedToUnicodeMap) {
      // ${MARK}: text only, the font program is never read.
      amendFallbackToUnicode(properties);
      this.toUnicode = properties.toUnicode;
      return;
    }
`,
  },
  {
    name: 'TextState.clone: a copy, not a child',
    find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    replace: `  clone() {
    // ${MARK}: its own prototype, not the state it copies.
    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
  {
    name: 'Flate: zlib.inflateSync on Node',
    find: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    try {`,
    replace: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    // ${MARK}: one call to zlib where Node has it.
    const zlib = name === "deflate" ? globalThis.process?.getBuiltinModule?.("node:zlib") : undefined;
    if (zlib) {
      try {
        const out = zlib.inflateSync(bytes);
        return {
          decompressed: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
          compressed: bytes
        };
      } catch {
        return {
          decompressed: null,
          compressed: bytes
        };
      }
    }
    try {`,
  },
];

let text = fs.readFileSync(source, 'utf8');
for (const p of PATCHES) {
  const at = text.indexOf(p.find);
  if (at < 0 || text.indexOf(p.find, at + 1) >= 0) {
    console.error(`scripts/pdfjs-text-worker.js: ${source} does not read as expected at "${p.name}"; update the patch for this pdfjs-dist`);
    process.exit(1);
  }
  text = p.insert !== undefined ? text.slice(0, at) + p.insert + text.slice(at) : text.slice(0, at) + p.replace + text.slice(at + p.find.length);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, text);
