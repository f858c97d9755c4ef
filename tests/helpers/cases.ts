import fs from 'node:fs';
import path from 'node:path';

/** Sample documents with the numbers they must give: NAME.expected.json beside NAME.<ext>. */

export const ROOT = path.join(__dirname, '..', '..');
const EXTS = ['html', 'htm', 'docx', 'doc', 'pdf', 'tab.txt', 'layout.txt', 'txt'];

export interface Case {
  doc: string;
  ext: string;
  expectedPath: string;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

export function sampleCases(dirs: string[], exts = EXTS): Case[] {
  const out: Case[] = [];
  for (const expectedPath of dirs.flatMap((d) => walk(path.join(ROOT, d))).filter((f) => f.endsWith('.expected.json')).sort()) {
    const base = expectedPath.slice(0, -'.expected.json'.length);
    for (const ext of exts) {
      if (ext === 'txt' && fs.existsSync(`${base}.tab.txt`)) continue;
      if (fs.existsSync(`${base}.${ext}`)) out.push({ doc: `${base}.${ext}`, ext, expectedPath });
    }
  }
  return out;
}

/** The part of `actual` that has the keys of `expected`, so the two compare with toEqual. */
export function pick(actual: unknown, expected: unknown): unknown {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return actual;
  if (actual === null || typeof actual !== 'object') return actual;
  const a = actual as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected as object).map((k) => [k, pick(a[k], (expected as Record<string, unknown>)[k])]));
}
