import path from 'node:path';
import type { EncodeKind } from './protocol';

/**
 * What batch writes, chosen by OUT's extension. Apart from options.ts so the coordinator, which needs it, does not
 * load zod (about 7 MB of heap per thread) for it.
 */

export const OUTPUT_KINDS = { '.jsonl': 'jsonl', '.csv': 'csv', '.sqlite': 'sqlite' } as const;
export type OutputKind = (typeof OUTPUT_KINDS)[keyof typeof OUTPUT_KINDS];

export function outputKind(out: string): OutputKind | undefined {
  return (OUTPUT_KINDS as Record<string, OutputKind>)[path.extname(out).toLowerCase()];
}

/** How a worker encodes records for OUT: CSV's --long form is a kind of its own. */
export function encodeKind(opts: { out: string; long: boolean }): EncodeKind {
  const kind = outputKind(opts.out)!;
  return kind === 'csv' && opts.long ? 'csv-long' : kind;
}
