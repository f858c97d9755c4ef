import fs from 'node:fs';
import path from 'node:path';
import { NianbaoError } from '../errors';

/**
 * The files a batch reads, from its DIR_OR_GLOB arguments: a directory is walked for report files (by extension:
 * formats are sniffed from content later, but an archive also holds notes, images and expected-output JSON); a
 * file is taken as named; a glob (quoted, so the shell leaves it) is taken as it matches. Hidden files and
 * directories are skipped, and symbolic links to directories are not followed (no loops). Sorted and
 * deduplicated, so which of two copies of one report is parsed is decided by name, not by timing.
 */

export const REPORT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.text'];

const isReport = (name: string) => REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
const hidden = (name: string) => name.startsWith('.');
const MAGIC = /[*?[{]/;

/**
 * Synchronous and entry by entry (opendir), keeping nothing but the paths it takes: listing 10,000 files through
 * readdir's one array of entries and path.join made the listing thread's young generation grow to four times its
 * size before the first file was read, and it keeps that size for the whole run (young.ts).
 */
function walk(dir: string, take: (file: string) => boolean, out: string[], depth = Infinity): void {
  const d = fs.opendirSync(dir);
  try {
    for (let e = d.readSync(); e !== null; e = d.readSync()) {
      if (hidden(e.name)) continue;
      const p = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (depth > 1) walk(p, take, out, depth - 1);
      } else if (e.isFile() || (e.isSymbolicLink() && statOf(p)?.isFile())) {
        if (take(p)) out.push(p);
      }
    }
  } finally {
    d.closeSync();
  }
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.+^$()|\\/]/g, '\\$&');
}

/** A glob as a regular expression over '/'-separated paths: * ? [abc] [!abc] {a,b} and ** for any directories. */
export function globToRegExp(pattern: string): RegExp {
  const body = (p: string): string => {
    let re = '';
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === '*') {
        if (p[i + 1] === '*') {
          i++;
          if (p[i + 1] === '/') {
            i++;
            re += '(?:[^/]*/)*';
          } else re += '.*';
        } else re += '[^/]*';
      } else if (c === '?') re += '[^/]';
      else if (c === '[' && p.indexOf(']', i + 2) > 0) {
        const end = p.indexOf(']', i + 2);
        const set = p.slice(i + 1, end);
        re += `[${set.startsWith('!') ? `^${set.slice(1)}` : set}]`;
        i = end;
      } else if (c === '{' && p.indexOf('}', i) > 0) {
        const end = p.indexOf('}', i);
        re += `(?:${p.slice(i + 1, end).split(',').map(body).join('|')})`;
        i = end;
      } else re += escapeRe(c);
    }
    return re;
  };
  return new RegExp(`^${body(pattern)}$`);
}

function expandGlob(pattern: string): string[] {
  const parts = pattern.split('/');
  const firstMagic = parts.findIndex((s) => MAGIC.test(s));
  const base = path.normalize(parts.slice(0, firstMagic).join('/') || (pattern.startsWith('/') ? '/' : '.'));
  const rest = parts.slice(firstMagic).join('/');
  const re = globToRegExp(rest);
  const found: string[] = [];
  const depth = rest.includes('**') ? Infinity : rest.split('/').length;
  if (statOf(base)?.isDirectory()) walk(base, (f) => re.test(path.relative(base, f)), found, depth);
  return found;
}

/** Every file the arguments name, sorted; throws IO for an argument that names nothing. */
export function listInputs(args: readonly string[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const arg of args) {
    const st = statOf(arg);
    let found: string[] = [];
    if (st?.isDirectory()) walk(arg, isReport, found);
    else if (st) found = [arg];
    else if (MAGIC.test(arg)) {
      found = expandGlob(arg);
      if (found.length === 0) throw new NianbaoError('IO', arg, 'no file matches this pattern');
    } else throw new NianbaoError('IO', arg, 'no such file or directory');
    if (args.length === 1) return found.sort(); // one argument cannot name a file twice
    for (const f of found) {
      const key = path.resolve(f);
      if (!seen.has(key)) {
        seen.add(key);
        files.push(f);
      }
    }
  }
  return files.sort();
}
