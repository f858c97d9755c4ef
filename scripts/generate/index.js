#!/usr/bin/env node
'use strict';
// Test-report generator: N random but plausible 政府信息公开工作年度报告, each as NAME.html (a government-site
// page), NAME.tab.txt (the tab-broken text of its DOCX), NAME.expected.json (every contract path, numbers as
// printed) and NAME.meta.json (the variants and slip drawn). Same --seed, same bytes.
//
//   node scripts/generate/index.js --out samples/corpus --count 48 --seed 1 [--prefix g1] [--clean]
// then scripts/generate/office.sh samples/corpus for .docx/.pdf/.doc/.layout.txt.

const fs = require('fs');
const path = require('path');
const iconv = require('iconv-lite');
const M = require('./model');
const { makeRng, deckPick } = require('./prng');
const { drawReport, printedNumbers, applySlip } = require('./data');
const { drawVariants, makePrinter } = require('./variants');
const { prose } = require('./text');
const { buildDocument } = require('./layout');
const { renderTab } = require('./render-tab');
const { renderHtml } = require('./render-html');
const { parseCell } = require('./parse-cell');

function args(argv) {
  const a = { out: 'samples/corpus', count: 48, seed: 1, prefix: null, clean: false };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--help' || k === '-h') {
      console.log('usage: node scripts/generate/index.js [--out DIR] [--count N] [--seed S] [--prefix NAME] [--clean]');
      process.exit(0);
    }
    if (k === '--clean') a.clean = true;
    else if (['--out', '--count', '--seed', '--prefix'].includes(k)) a[k.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${k}`);
  }
  a.count = Number(a.count);
  a.prefix = a.prefix || `g${a.seed}`;
  return a;
}

function buildExpected(data, printed, text) {
  const out = {
    report: { title: text.title.join(''), agency: data.agency, year: data.year, templateVersion: data.version },
  };
  for (const p of M.numericPaths(data.version, data.singleOther)) {
    M.put(out, p, printed[p]);
    if (p === 'activeDisclosure.procurement.amount') M.put(out, 'activeDisclosure.procurement.amountUnit', data.activeDisclosure.procurement.amountUnit);
  }
  return out;
}

/** Every number cell must read back as the expected value: catches a printer bug before a parser does. */
function selfCheck(name, blocks, expected) {
  const seen = new Set();
  for (const b of blocks) {
    if (b.t !== 'table') continue;
    for (const row of b.rows) {
      for (const c of row) {
        if (!c.path) continue;
        seen.add(c.path);
        const got = parseCell(c.lines.join(''));
        const want = M.get(expected, c.path);
        if (!(got === want || (got !== null && want !== null && Math.abs(got - want) < 1e-9))) {
          throw new Error(`${name}: cell ${c.path} printed ${JSON.stringify(c.lines)} reads ${got}, expected ${want}`);
        }
      }
    }
  }
  const missing = M.numericPaths(expected.report.templateVersion, M.singleOther(expected)).filter((p) => !seen.has(p));
  if (missing.length) throw new Error(`${name}: not printed: ${missing.join(', ')}`);
}

function encode(html, encoding) {
  if (encoding.startsWith('utf8')) {
    const b = Buffer.from(html, 'utf8');
    return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) : b;
  }
  const bytes = iconv.encode(html, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== html) throw new Error('page has characters GBK cannot hold');
  return bytes;
}

function generateOne(seed, i, prefix) {
  const name = `${prefix}-${String(i).padStart(3, '0')}`;
  const rng = makeRng(seed, 'report', i);
  const year = 2019 + deckPick(seed, 'year', i, [0, 1, 2, 3, 4, 5]);
  const singleOther = deckPick(seed, 'singleOther', i, [true, false, false, false, false]);
  const slip = deckPick(seed, 'slip', i, [true, false, false, false, false, false]);
  const data = drawReport(rng, { year, singleOther });
  const v = drawVariants(rng, seed, i, data);
  // a unit printed in the amount cell needs a number to stand after
  const keep = v.procurementUnitPlace === 'cell' ? ['activeDisclosure.procurement.amount'] : [];
  const printed = printedNumbers(rng, data, v.blankPolicy, keep);
  const slipInfo = slip ? applySlip(rng, data, printed) : null;
  const p = makePrinter(rng, v);
  const text = prose(rng, data, v, p);
  const blocks = buildDocument(rng, data, v, p, printed, text);
  const expected = buildExpected(data, printed, text);
  selfCheck(name, blocks, expected);
  const broken = M.inconsistent(expected);
  if (!!slipInfo !== broken.length > 0) throw new Error(`${name}: slip=${!!slipInfo} but broken checks ${broken}`);
  const html = encode(renderHtml(rng, blocks, data, v, text), v.encoding);
  const tab = renderTab(blocks);
  const meta = {
    name,
    seed,
    index: i,
    agencyKind: data.kind,
    year: data.year,
    templateVersion: data.version,
    singleOtherRow: data.version === '2021' && data.singleOther,
    slip: slipInfo ? { ...slipInfo, brokenChecks: broken } : null,
    variants: v,
  };
  return { name, files: { html, 'tab.txt': tab, 'expected.json': JSON.stringify(expected, null, 1) + '\n', 'meta.json': JSON.stringify(meta, null, 1) + '\n' }, meta };
}

function tally(metas) {
  const count = (f) => {
    const m = metas.reduce((acc, x) => { const k = String(f(x)); acc[k] = (acc[k] || 0) + 1; return acc; }, {});
    return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  return {
    template: count((m) => m.templateVersion),
    year: count((m) => m.year),
    '2021 with （六） as one row': count((m) => (m.templateVersion === '2021' ? m.singleOtherRow : 'n/a')),
    slip: count((m) => (m.slip ? m.slip.path.split('.').slice(0, 1)[0] + ' slip' : 'none')),
    site: count((m) => m.variants.site),
    encoding: count((m) => m.variants.encoding),
    header: count((m) => m.variants.header),
    activeTables: count((m) => m.variants.activeTables),
    title: count((m) => m.variants.title),
    titleWording: count((m) => m.variants.titleWording),
    numbering: count((m) => m.variants.numbering),
    groupParen: count((m) => m.variants.groupParen),
    quotes: count((m) => m.variants.quotes),
    blankPolicy: count((m) => m.variants.blankPolicy),
    blankTokens: count((m) => [...new Set(m.variants.blankTokens)].map((t) => ({ '': 'empty', '\u00a0': 'nbsp' })[t] || t).join('+')),
    fullwidth: count((m) => m.variants.fullwidth),
    thousands: count((m) => m.variants.thousands),
    units: count((m) => m.variants.units),
    changeStyle: count((m) => (m.templateVersion === '2019' ? m.variants.changeStyle : 'n/a')),
    procurementUnit: count((m) => (m.templateVersion === '2019' ? m.variants.procurementUnitPlace : 'n/a')),
    misprints: count((m) => m.variants.misprints.length),
    heading4: count((m) => m.variants.heading4),
    kangxi: count((m) => m.variants.kangxi),
    strayPara: count((m) => m.variants.strayPara),
    reviewHeader: count((m) => m.variants.reviewHeader),
    plainCells: count((m) => m.variants.plainCells),
  };
}

function readme(a, metas, t) {
  const rows = Object.entries(t).map(([k, m]) => `| ${k} | ${Object.entries(m).map(([x, n]) => `${x}: ${n}`).join(', ')} |`);
  return `# Generated test corpus

${metas.length} random but plausible 政府信息公开工作年度报告 made by \`scripts/generate/\` (seed ${a.seed}). Nothing here is a
real report; the agencies, numbers and wording are drawn at random, with the printing quirks real reports have.

Each report NAME comes as:

| file | what |
| --- | --- |
| \`NAME.html\` | a government-site page (CMS page with navigation and Word-style cell markup, or a plain page; UTF-8, UTF-8 with BOM, GBK/GB2312 declared by \`<meta charset>\` or \`<meta http-equiv>\`, or GBK with no declaration) |
| \`NAME.tab.txt\` | the tab-broken text a DOCX gives when copied (cells on TAB lines, merged-cell placeholders, a blank line per row) |
| \`NAME.docx\`, \`NAME.pdf\` | what LibreOffice makes of the page; a few also as legacy Word \`NAME.doc\` |
| \`NAME.layout.txt\` | \`pdftotext -layout\` of the PDF |
| \`NAME.expected.json\` | every contract path of the report's template, numbers **as printed** (\`null\` = blank cell) |
| \`NAME.meta.json\` | the variants drawn for the report and its deliberate slip, if any (for debugging a failure) |

Reports with a slip print one total wrong on purpose; their expected numbers are the printed ones and their
checks must fail. All other reports add up.

## Remake

\`\`\`sh
node scripts/generate/index.js --out samples/corpus --count ${metas.length} --seed ${a.seed} --clean
bash scripts/generate/office.sh samples/corpus      # needs soffice and pdftotext
node scripts/generate/verify.js samples/corpus
\`\`\`

The first command is deterministic (same seed, same bytes); the LibreOffice/poppler outputs are not byte-stable.
Score the parser with \`../shared/tools/score samples/corpus\`.

## What was drawn

| axis | reports |
| --- | --- |
${rows.join('\n')}
`;
}

function main() {
  const a = args(process.argv);
  fs.mkdirSync(a.out, { recursive: true });
  if (a.clean) {
    const re = new RegExp(`^${a.prefix}-\\d{3}\\.`);
    for (const f of fs.readdirSync(a.out)) if (re.test(f)) fs.unlinkSync(path.join(a.out, f));
  }
  const metas = [];
  for (let i = 0; i < a.count; i++) {
    const r = generateOne(a.seed, i, a.prefix);
    for (const [ext, content] of Object.entries(r.files)) fs.writeFileSync(path.join(a.out, `${r.name}.${ext}`), content);
    metas.push(r.meta);
  }
  const t = tally(metas);
  fs.writeFileSync(path.join(a.out, 'README.md'), readme(a, metas, t));
  console.log(`wrote ${metas.length} reports to ${a.out}`);
  for (const [k, m] of Object.entries(t)) console.log(`${k}: ${Object.entries(m).map(([x, n]) => `${x}=${n}`).join(' ')}`);
}

main();
