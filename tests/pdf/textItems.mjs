// Prints, as JSON, what pdfjs-dist's getTextContent gives for each PDF named on the command line, read with the
// worker module given first: tests/pdf/textWorker.test.ts runs it once with pdfjs-dist's own worker and once with
// the one `npm run build` writes for reading text, each in its own process (pdfjs takes its worker once).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [worker, ...files] = process.argv.slice(2);
const require = createRequire(import.meta.url);
globalThis.pdfjsWorker = await import(pathToFileURL(worker).href);
const pdfjs = await import(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
const { documentOptions } = require('../../dist/pdf/load.js');

const out = {};
for (const file of files) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), ...documentOptions() }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { items, styles } = await (await doc.getPage(p)).getTextContent({ disableNormalization: true });
    pages.push({
      items: items.map((it) => [it.str, it.transform, it.width, it.height, it.fontName, it.dir, it.hasEOL]),
      // What nianbao reads of a style (src/pdf/text.ts). Ascent and descent differ: pdf.js takes them from the
      // converted font program; neither reaches a text item's position.
      vertical: Object.fromEntries(Object.entries(styles).map(([name, s]) => [name, Boolean(s.vertical)])),
    });
  }
  await doc.destroy();
  out[file] = pages;
}
process.stdout.write(JSON.stringify(out));
