import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReportRecord } from '../../src/schema';

/**
 * batch as a user runs it: `node dist/cli.js batch …` in a child process (the workers run dist/, so these tests
 * need `npm run build` first; `npm test` does it). The oracle for every file is `node dist/cli.js parse FILE`.
 */

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const GENERATED = path.join(ROOT, 'samples', 'generated');
export const SEED = path.join(ROOT, 'samples', 'seed');
export const DELAY_ENV = 'NIANBAO_BATCH_TEST_DELAY_MS';

if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before these tests');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function nianbao(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
  });
}

export function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn('node', [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what: string, ok: () => boolean, ms = 30000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const made: string[] = [];
/** A fresh temporary directory, removed after the test file that made it. */
export function tmpDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nianbao-${name}-`));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What `nianbao parse FILE` says: its exact stdout line for a report, or the error code for a bad file. */
export type Oracle = { ok: true; line: string; record: ReportRecord } | { ok: false; code: string };

export async function oracle(file: string): Promise<Oracle> {
  const r = await nianbao(['parse', file]);
  if (r.code === 0) return { ok: true, line: r.stdout, record: JSON.parse(r.stdout) as ReportRecord };
  const code = /\[([A-Z_0-9]+)\]\s*$/.exec(r.stderr)?.[1];
  if (!code) throw new Error(`parse ${file} failed without a code: ${r.stderr}`);
  return { ok: false, code };
}

export async function oracles(files: string[]): Promise<Map<string, Oracle>> {
  const out = new Map<string, Oracle>();
  // Two at a time: the machine has two cores and each parse starts a node.
  for (let i = 0; i < files.length; i += 2) {
    const pair = files.slice(i, i + 2);
    const results = await Promise.all(pair.map(oracle));
    pair.forEach((f, j) => out.set(f, results[j]!));
  }
  return out;
}

/**
 * A folder of mixed good and bad files, as a researcher's archive holds them: reports in several formats (one in
 * a subfolder), an empty file, junk bytes, a web page that is no report, a truncated PDF, the same report under a
 * second name, and files that are not reports by extension (skipped).
 */
export function mixedFolder(): { dir: string; files: string[]; duplicate: [string, string] } {
  const dir = tmpDir('mixed');
  const put = (name: string, content: Buffer | string) => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };
  const copy = (from: string, name: string) => put(name, fs.readFileSync(from));
  const pdf = fs.readFileSync(path.join(GENERATED, 'g42-001.pdf'));
  let seed = 7;
  const junk = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff));
  const files = [
    copy(path.join(GENERATED, 'g42-000.html'), 'g42-000.html'),
    copy(path.join(GENERATED, 'g42-001.tab.txt'), 'g42-001.tab.txt'),
    copy(path.join(GENERATED, 'g42-007.tab.txt'), 'g42-007.tab.txt'),
    copy(path.join(GENERATED, 'g42-003.docx'), 'g42-003.docx'),
    copy(path.join(GENERATED, 'g42-000.pdf'), 'g42-000.pdf'),
    copy(path.join(GENERATED, 'g42-003.doc'), 'g42-003.doc'),
    copy(path.join(SEED, 'daoli-2021.txt'), 'daoli-2021.txt'),
    copy(path.join(GENERATED, 'g42-002.html'), 'sub/区县/g42-002.html'),
    put('empty.txt', ''),
    put('junk.doc', junk),
    put('portal.html', '<html><head><title>首页</title></head><body><div class="nav">政务公开</div><p>欢迎访问</p></body></html>'),
    put('truncated.pdf', pdf.subarray(0, 4000)),
    copy(path.join(GENERATED, 'g42-000.html'), 'z-copy-of-000.htm'),
  ];
  put('notes.json', '{"not": "a report"}');
  put('.hidden.txt', fs.readFileSync(path.join(SEED, 'daoli-2021.txt')));
  return { dir, files, duplicate: [files[0]!, files[files.length - 1]!] };
}

/** A folder of `n` distinct text reports (the samples with a line added, so every hash differs). */
export function manyFolder(n: number): { dir: string; files: string[] } {
  const dir = tmpDir('many');
  const sources = ['g42-000', 'g42-001', 'g42-002', 'g42-003', 'g42-007'].map((b) => fs.readFileSync(path.join(GENERATED, `${b}.tab.txt`), 'utf8'));
  const files = Array.from({ length: n }, (_, i) => {
    const p = path.join(dir, `r${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(p, `${sources[i % sources.length]}\n附：第${i}份\n`);
    return p;
  });
  return { dir, files };
}

/** RFC 4180, written here independently of src/csv so the test does not check the reader with itself. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV ends inside a record');
  return rows;
}

export function readCsvFile(file: string): { bom: boolean; header: string[]; rows: Array<Record<string, string>> } {
  const text = fs.readFileSync(file, 'utf8');
  const bom = text.startsWith('\uFEFF');
  const [header, ...rows] = parseCsv(bom ? text.slice(1) : text);
  for (const r of rows) if (r.length !== header!.length) throw new Error(`a row has ${r.length} fields, the header ${header!.length}`);
  return { bom, header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

export function jsonLines(file: string): Array<Record<string, unknown>> {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The value at a dotted contract path, as the CSV writes it ('' for null or absent). */
export function csvValueAt(record: unknown, p: string): string {
  let v: unknown = record;
  for (const k of p.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' || typeof v === 'string' ? String(v) : '';
}

/** Every scalar path of a record (arrays left out), to check the CSV has a column for each. */
export function scalarPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [];
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, c]) => scalarPaths(c, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}
