#!/usr/bin/env node
/**
 * How long nianbao takes to parse a PDF, against pdfjs-dist reading the text of every page of it (getDocument +
 * getTextContent per page, the same options nianbao uses), both warm in one process. pdfjs is loaded the way nianbao
 * loads it (src/pdf/load.ts: natives back, the text worker): the ratio is what nianbao's own work adds to pdfjs's.
 * scripts/bench.js compares cold runs against pdfjs-dist as documented, where the target is a ratio of at most 1.2.
 * In one process, after one warm-up run, --runs (default 15) alternating runs of each; the fastest run of each is
 * compared (the least disturbed by other work on the machine), medians shown beside. Run `npm run build` first.
 *
 *   node scripts/bench-pdf.js [FILE.pdf ...]   (default: samples/real/*.pdf)
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseBuffer } = require('../dist/pipeline');
const { pdfjs, openPdf } = require('../dist/pdf/load');

async function bare(buf) {
  const doc = await openPdf(buf, 'bench');
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
}

async function nianbao(buf, file) {
  await parseBuffer(buf, { path: file });
}

async function time(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);

async function main() {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 15;
  const root = path.join(__dirname, '..');
  const files = args.length ? args : fs.readdirSync(path.join(root, 'samples/real')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(root, 'samples/real', f));
  await pdfjs();
  console.log(['file', 'pages', 'pdfjs via nianbao\'s loader ms (min/median)', 'nianbao ms (min/median)', 'ratio'].join('\t'));
  let worst = 0;
  for (const file of files) {
    const buf = fs.readFileSync(file);
    await bare(buf);
    await nianbao(buf, file);
    const a = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      a.push(await time(() => bare(buf)));
      b.push(await time(() => nianbao(buf, file)));
    }
    const doc = await openPdf(buf, file);
    const pages = doc.numPages;
    await doc.destroy();
    const ratio = min(b) / min(a);
    worst = Math.max(worst, ratio);
    const ms = (xs) => `${min(xs).toFixed(1)} / ${median(xs).toFixed(1)}`;
    console.log([path.basename(file), pages, ms(a), ms(b), ratio.toFixed(2)].join('\t'));
  }
  console.log(`worst ratio ${worst.toFixed(2)} (what nianbao adds to pdfjs; the target is on cold runs, in npm run bench)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
