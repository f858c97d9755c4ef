import os from 'node:os';
import { z } from 'zod';
import { outputKind } from './kinds';

export { OUTPUT_KINDS, outputKind } from './kinds';
export type { OutputKind } from './kinds';

/**
 * Options of `batch()` and `nianbao batch`, parsed once at the entry point; every default lives here.
 * The CLI hands over strings, the library numbers: both are coerced the same way.
 */

const count = (what: string, min: number) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`);

export const BatchOptions = z.object({
  /** Directories (walked for report files) and glob patterns (taken as they match). */
  inputs: z.array(z.string().min(1)).min(1, 'give at least one DIR or GLOB'),
  /** The output file: .jsonl, .csv or .sqlite. */
  out: z.string().min(1).refine((o) => outputKind(o) !== undefined, 'OUT must end in .jsonl, .csv or .sqlite'),
  /** Worker threads parsing at once. */
  jobs: count('--jobs', 1).max(256, '--jobs must be at most 256').default(() => os.availableParallelism()),
  /** Seconds one file may take before its worker is replaced and the file recorded as TIMEOUT. */
  timeout: z.coerce.number({ error: '--timeout must be a number of seconds' }).positive('--timeout must be more than 0').default(60),
  /** MB of JavaScript heap per worker; a file that needs more is recorded as OUT_OF_MEMORY. */
  maxMemory: count('--max-memory', 64).default(512),
  /** CSV only: one row per number (file, path, value, raw, page, …) instead of one row per report. */
  long: z.boolean().default(false),
  /** Seconds between progress lines when stderr is not a terminal. */
  logEvery: z.coerce.number().positive().default(10),
}).strict().refine((o) => !o.long || outputKind(o.out) === 'csv', { message: '--long needs a .csv OUT', path: ['long'] });

export type BatchOptionsInput = z.input<typeof BatchOptions>;
export type BatchOptionsParsed = z.output<typeof BatchOptions>;
