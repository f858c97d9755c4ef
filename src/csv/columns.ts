import { z } from 'zod';
import { Report, ReportRecord } from '../schema';
import { CsvValue } from './write';

/**
 * The columns of batch's CSV, derived from the contract's zod schema so they can never drift from it: every scalar
 * path of a record in schema order, both templates' paths (a union contributes each member's paths, first seen
 * first), then a few columns summarising the arrays and the error of a file that could not be read.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: readonly z.ZodType[];
  innerType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

function leafPaths(schema: z.ZodType, prefix: string, out: string[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) leafPaths(child, prefix ? `${prefix}.${key}` : key, out);
      return;
    case 'union':
      for (const option of def.options ?? []) leafPaths(option, prefix, out);
      return;
    case 'nullable':
    case 'optional':
    case 'default':
      leafPaths(def.innerType!, prefix, out);
      return;
    case 'array': // cells, checks and warnings: summarised below; the long CSV and SQLite hold them whole
      return;
    default:
      if (!out.includes(prefix)) out.push(prefix);
  }
}

let cached: { paths: string[]; keys: string[][] } | undefined;

function paths() {
  if (!cached) {
    const list: string[] = [];
    leafPaths(Report, '', list);
    cached = { paths: list, keys: list.map((p) => p.split('.')) };
  }
  return cached;
}

/** Every scalar contract path, schema order (schemaVersion, source.*, report.*, sections.*, the three tables). */
export function contractPaths(): readonly string[] {
  return paths().paths;
}

/** After the contract paths: how many checks failed and which, the warnings' codes, and the error of a bad file. */
export const SUMMARY_COLUMNS = ['checks.failed', 'checks.failedIds', 'warnings.codes', 'error.code', 'error.message'] as const;

export function wideHeader(): string[] {
  return [...contractPaths(), ...SUMMARY_COLUMNS];
}

function at(record: unknown, keys: readonly string[]): CsvValue {
  let v: unknown = record;
  for (const key of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/** One report as one row of wideHeader(); the other template's paths stay empty. */
export function wideRow(record: ReportRecord): CsvValue[] {
  const failed = record.checks.filter((c) => !c.ok);
  return [
    ...paths().keys.map((k) => at(record, k)),
    failed.length,
    failed.map((c) => c.id).join(';'),
    [...new Set(record.warnings.map((w) => w.code))].join(';'),
    undefined,
    undefined,
  ];
}

/** A file that could not be read: its path and hash, its error, nothing else. */
export function wideErrorRow(path: string, sha256: string | null, code: string, message: string): CsvValue[] {
  const header = wideHeader();
  const row: CsvValue[] = header.map(() => undefined);
  row[header.indexOf('source.path')] = path;
  row[header.indexOf('source.sha256')] = sha256;
  row[header.indexOf('error.code')] = code;
  row[header.indexOf('error.message')] = message;
  return row;
}

/** The long CSV: one row per number of `cells`; extra columns after the tidy five. */
export const LONG_HEADER = ['file', 'path', 'value', 'raw', 'page', 'sha256', 'error.code', 'error.message'] as const;

export function longRows(record: ReportRecord): CsvValue[][] {
  const { path: file, sha256 } = record.source;
  // A report with no numbers still gets a row, so it is in the file (and skipped when a run resumes).
  if (record.cells.length === 0) return [[file, undefined, undefined, undefined, undefined, sha256, undefined, undefined]];
  return record.cells.map((c) => [file, c.path, c.value, c.raw, c.page, sha256, undefined, undefined]);
}

export function longErrorRow(path: string, sha256: string | null, code: string, message: string): CsvValue[] {
  return [path, undefined, undefined, undefined, undefined, sha256, code, message];
}
