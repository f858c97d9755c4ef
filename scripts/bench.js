#!/usr/bin/env node
/**
 * `npm run bench`: batch throughput (reports per second) and peak memory, per format, against bare pdfjs-dist
 * text extraction of the same PDFs in one process.
 *
 * Corpora are copies of samples/ with a small edit each (so every file's hash differs and none is skipped as a
 * duplicate), built in a temporary directory and removed afterwards. Peak memory is the VmHWM (peak resident set)
 * of the batch process: its workers are threads of that process, so it covers the whole tree. A format whose
 * adapter is not there yet shows up as failed files, not as a crash of the bench.
 *
 * Environment: BENCH_SCALE (default 1) multiplies every corpus size; BENCH_KEEP=1 keeps the temporary directory;
 * BENCH_ONLY=pdf,html runs only those corpora, without the summary.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCALE = Number(process.env.BENCH_SCALE || 1);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

// ---- corpora -------------------------------------------------------------------------------------------------

function sources(ext) {
  const dirs = ['samples/generated', 'samples/corpus', 'samples/seed', 'samples/real'].map((d) => path.join(ROOT, d));
  return dirs.filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d)
    .filter((f) => f.endsWith(ext) && !(ext === '.txt' && f.endsWith('.layout.txt')))
    .map((f) => path.join(d, f))).sort();
}

/** A ZIP (DOCX) with a different archive comment: same documents inside, different bytes. */
function withZipComment(buf, comment) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return Buffer.concat([buf, Buffer.from(comment)]);
  const head = Buffer.from(buf.subarray(0, eocd + 22));
  const c = Buffer.from(comment);
  head.writeUInt16LE(c.length, eocd + 20);
  return Buffer.concat([head, c]);
}

const EDITS = {
  '.pdf': (buf, i) => Buffer.concat([buf, Buffer.from(`\n%nianbao-bench ${i}\n`)]),
  '.docx': (buf, i) => withZipComment(buf, `nianbao-bench ${i}`),
  '.html': (buf, i) => Buffer.concat([buf, Buffer.from(`\n<!-- nianbao-bench ${i} -->\n`)]),
  '.tab.txt': (buf, i) => Buffer.concat([buf, Buffer.from(`\n附：第${i}份\n`)]),
};

function corpus(name, ext, n) {
  const dir = path.join(TMP, name);
  fs.mkdirSync(dir, { recursive: true });
  const src = sources(ext).map((f) => fs.readFileSync(f));
  if (src.length === 0) throw new Error(`no samples end in ${ext}`);
  const out = ext === '.tab.txt' ? '.txt' : ext;
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(dir, `r${String(i).padStart(6, '0')}${out}`), EDITS[ext](src[i % src.length], i));
  }
  return dir;
}

// ---- measuring -----------------------------------------------------------------------------------------------

function statusKb(pid, key) {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU seconds (user + system, all threads) the process has used so far. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Runs node with args; resolves wall seconds, CPU seconds and peak RSS in MB (VmHWM, sampled until exit) and
 * stderr. CPU seconds make the numbers comparable on a machine that is busy with other work: see cpuRate.
 */
function measure(args, env = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    let cpu = 0;
    child.stderr.on('data', (c) => { stderr += c; });
    const sample = () => {
      peakKb = Math.max(peakKb, statusKb(child.pid, 'VmHWM'), statusKb(child.pid, 'VmRSS'));
      cpu = cpuSeconds(child.pid) ?? cpu;
    };
    const timer = setInterval(sample, 25);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu, peakMb: peakKb / 1024, stderr });
    });
  });
}

function summaryCounts(stderr) {
  const parsed = Number(/parsed +(\d+) report/.exec(stderr)?.[1] ?? 0);
  const failed = /failed +(\d+)(?: \(([^)]*)\))?/.exec(stderr);
  return { parsed, failed: Number(failed?.[1] ?? 0), why: failed?.[2] ?? '' };
}

async function batchRun(dir, out, extra = []) {
  const r = await measure([CLI, 'batch', dir, '--out', path.join(TMP, out), ...extra]);
  if (r.code !== 0) throw new Error(`batch ${dir} exited ${r.code}: ${r.stderr}`);
  const files = fs.readdirSync(dir).length;
  const c = summaryCounts(r.stderr);
  return { files, ...c, seconds: r.seconds, peakMb: r.peakMb, rate: c.parsed / r.seconds, cpuRate: c.parsed / r.cpu };
}

// ---- bare pdfjs-dist -------------------------------------------------------------------------------------------

/**
 * Bare pdfjs-dist, used as its documentation and pitfalls.md say: the legacy build imported as it is, getDocument
 * with the options nianbao's PDF reader uses (dist/pdf/load.js documentOptions, so they cannot differ), then
 * getTextContent on every page. One process, files in turn. With BARE_NATIVES=1 it loads pdfjs through nianbao's
 * loader instead (src/pdf/load.ts), which puts back the built-ins the legacy build's core-js replaces and uses the
 * worker `npm run build` patches for reading text (scripts/pdfjs-text-worker.js): the same work with nianbao's
 * changes to pdfjs, for comparison.
 */
const BARE_PDFJS = `
const fs = require('node:fs');
const path = require('node:path');
const load = require(${JSON.stringify(path.join(ROOT, 'dist', 'pdf', 'load.js'))});
(async () => {
  const pdfjs = process.env.BARE_NATIVES === '1' ? await load.pdfjs()
    : await import(${JSON.stringify(path.join(PDFJS_DIR, 'legacy', 'build', 'pdf.mjs'))});
  for (const f of process.argv.slice(1)) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(f)), ...load.documentOptions() }).promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
    }
    await doc.destroy();
  }
})();
`;

async function barePdfjs(files, env = {}) {
  const r = await measure(['-e', BARE_PDFJS, ...files], env);
  if (r.code !== 0) throw new Error(`bare pdfjs failed: ${r.stderr}`);
  return { seconds: r.seconds, peakMb: r.peakMb, rate: files.length / r.seconds, cpuRate: files.length / r.cpu };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One PDF, each in a fresh process: `nianbao parse` against the bare script; median of 5, alternating. */
async function coldParse(file) {
  const parse = [];
  const bare = [];
  for (let i = 0; i < 5; i++) {
    parse.push((await measure([CLI, 'parse', file])).seconds);
    bare.push((await measure(['-e', BARE_PDFJS, file])).seconds);
  }
  return { parse: median(parse), bare: median(bare) };
}

/** The PDF reader's own bench (warm, in one process), when it is there: called, not duplicated. */
function warmPdfBench(file) {
  const own = path.join(__dirname, 'bench-pdf.js');
  if (!fs.existsSync(own)) return undefined;
  const r = spawnSync(process.execPath, [own, file], { encoding: 'utf8' });
  return (r.stdout + r.stderr).trim();
}

// ---- report --------------------------------------------------------------------------------------------------

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');

function row(name, r, note) {
  const failed = note ?? (r.failed ? `${r.failed} failed (${r.why})` : '');
  return `${name.padEnd(22)} ${String(r.files).padStart(6)} ${fmt(r.seconds).padStart(7)} ${fmt(r.rate).padStart(9)} ${fmt(r.cpuRate).padStart(10)} ${fmt(r.peakMb, 0).padStart(8)}   ${failed}`;
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main() {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run bench builds it first');
  const cores = os.availableParallelism();
  const n = (k) => Math.max(1, Math.round(k * SCALE));
  console.log(`nianbao bench: ${cores} cores, node ${process.version}, --jobs ${cores} (default), load average ${load()}`);
  console.log('reports/cpu-s: reports per CPU-second of the whole process (all threads): the rate that does not depend');
  console.log(`on what else the machine runs; with the cores free, reports/s approaches it × ${cores}.`);
  console.log(`${'corpus'.padEnd(22)} ${'files'.padStart(6)} ${'wall s'.padStart(7)} ${'reports/s'.padStart(9)} ${'rep/cpu-s'.padStart(10)} ${'peak MB'.padStart(8)}`);

  const results = {};
  const plan = [
    ['pdf', '.pdf', n(100), 'jsonl'],
    ['docx', '.docx', n(400), 'jsonl'],
    ['html-100', '.html', n(100), 'jsonl'],
    ['html-1000', '.html', n(1000), 'jsonl'],
    ['html', '.html', n(10000), 'jsonl'],
    ['text-100', '.tab.txt', n(100), 'jsonl'],
    ['text-1000', '.tab.txt', n(1000), 'jsonl'],
    ['text', '.tab.txt', n(10000), 'jsonl'],
    ['text → sqlite', '.tab.txt', n(10000), 'sqlite'],
    ['text → csv', '.tab.txt', n(10000), 'csv'],
  ];
  // BENCH_ONLY=pdf,html: only the corpora whose names start so (for working on one format; the summary needs all).
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
  const dirs = {};
  for (const [name, ext, count, kind] of plan.filter(([name]) => !only || only.some((o) => name.startsWith(o)))) {
    const key = `${ext}:${count}`;
    dirs[key] ??= corpus(name.replace(/[^a-z0-9-]/g, '_'), ext, count);
    results[name] = await batchRun(dirs[key], `${name.replace(/[^a-z0-9-]/g, '_')}.${kind}`);
    console.log(row(name, results[name]));
  }

  if (!results.pdf) return;
  const pdfDir = dirs[`.pdf:${n(100)}`];
  const pdfs = fs.readdirSync(pdfDir).map((f) => path.join(pdfDir, f));
  // This machine's speed wanders by ±15% from run to run: the PDF comparisons are run three times, interleaved,
  // and each figure is the median run (by wall time).
  const runs = { batch: [results.pdf], bare: [], natives: [], pair: [] };
  const halves = [pdfs.slice(0, pdfs.length >> 1), pdfs.slice(pdfs.length >> 1)];
  for (let i = 0; i < 3; i++) {
    if (i > 0) runs.batch.push(await batchRun(pdfDir, `pdf-${i}.jsonl`));
    runs.bare.push(await barePdfjs(pdfs));
    runs.natives.push(await barePdfjs(pdfs, { BARE_NATIVES: '1' }));
    const pair = await Promise.all(halves.map((half) => barePdfjs(half)));
    const seconds = Math.max(...pair.map((r) => r.seconds));
    runs.pair.push({ seconds, rate: pdfs.length / seconds, cpuRate: NaN, peakMb: Math.max(...pair.map((r) => r.peakMb)) });
  }
  const mid = (rs) => [...rs].sort((a, b) => a.seconds - b.seconds)[1];
  results.pdf = mid(runs.batch);
  const bare = mid(runs.bare);
  const bareNatives = mid(runs.natives);
  const pairRate = mid(runs.pair).rate;
  console.log(row('pdf (median of 3)', results.pdf));
  console.log(row('pdf, bare pdfjs-dist', { files: pdfs.length, ...bare }, '(1 process, text of every page; median of 3)'));
  console.log(row('  … nianbao\'s loader', { files: pdfs.length, ...bareNatives }, '(the same, natives back and the text worker)'));
  console.log(row('  … 2 processes at once', { files: pdfs.length, ...mid(runs.pair) },
    `(half the files each: what ${cores} cores give bare pdfjs-dist)`));

  const onePdf = sources('.pdf').find((f) => f.includes('samples/real')) ?? sources('.pdf')[0];
  const cold = await coldParse(onePdf);
  const warm = warmPdfBench(onePdf);
  const pdf = results.pdf;
  const pdfLines = [
    '',
    `bare pdfjs-dist, 2 processes / 1:     ${fmt(pairRate / bare.rate, 2)}× (the machine's own ceiling for two at once)`,
    `PDF batch / bare pdfjs (1 process):   ${fmt(pdf.rate / bare.rate, 2)}× wall, ${fmt((pdf.cpuRate * cores) / bare.cpuRate, 2)}× on ${cores} free cores (rep/cpu-s × ${cores} / bare rep/cpu-s)   target ≥ 1.70×${pdf.failed ? `   (${pdf.failed} of ${pdf.files} PDFs failed: ${pdf.why})` : ''}`,
    `PDF batch / bare via nianbao's loader: ${fmt(pdf.rate / bareNatives.rate, 2)}× wall`,
    `PDF batch peak MB:                     ${fmt(pdf.peakMb, 0)}   target < 400`,
    `cold \`nianbao parse\` of one PDF:        ${fmt(cold.parse, 2)} s vs bare pdfjs script ${fmt(cold.bare, 2)} s (${fmt(cold.parse / cold.bare, 2)}×; fresh processes, median of 5; ${path.relative(ROOT, onePdf)})   target ≤ 1.20×`,
    ...(warm ? ['warm, in one process (scripts/bench-pdf.js):', ...warm.split('\n').map((l) => `  ${l}`)] : []),
  ];
  console.log(pdfLines.join('\n'));
  if (only) return;
  const lines = [
    `HTML reports/s:                        ${fmt(results.html.rate)} wall, ${fmt(results.html.cpuRate * cores)} on ${cores} free cores (rep/cpu-s × ${cores})   target ≥ 500`,
    `text reports/s:                        ${fmt(results.text.rate)} wall, ${fmt(results.text.cpuRate * cores)} on ${cores} free cores (rep/cpu-s × ${cores})   target ≥ 500`,
    `peak MB, 100 / 1,000 / 10,000 (HTML):  ${['html-100', 'html-1000', 'html'].map((k) => fmt(results[k].peakMb, 0)).join(' / ')}`,
    `peak MB, 100 / 1,000 / 10,000 (text):  ${['text-100', 'text-1000', 'text'].map((k) => fmt(results[k].peakMb, 0)).join(' / ')}`,
    `peak MB, largest of all runs:          ${fmt(Math.max(...Object.values(results).map((r) => r.peakMb)), 0)}   target < 400`,
  ];
  console.log(lines.join('\n'));
  console.log(`load average at the end: ${load()}`);
}

main().then(
  () => { if (!process.env.BENCH_KEEP) fs.rmSync(TMP, { recursive: true, force: true }); },
  (e) => {
    console.error(`bench failed: ${e.message}`);
    if (!process.env.BENCH_KEEP) fs.rmSync(TMP, { recursive: true, force: true });
    process.exitCode = 1;
  },
);
