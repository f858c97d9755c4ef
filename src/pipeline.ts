import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { NianbaoError } from './errors';
import { detectFormat } from './detect';
import { adapters } from './adapters';
import { MappedReport, mapReport } from './mapper';
import { DocModel } from './model';
import { Report, ReportRecord } from './schema';
import { ParseOptions, ParseOptionsInput } from './options';

/**
 * One report in, one contract record out (mammoth's convert(): open → read → transform → write):
 * sniff the format, read it into the intermediate model, map it to the contract, check, validate.
 */
export async function parseBuffer(buf: Uint8Array, options: ParseOptionsInput = {}): Promise<ReportRecord> {
  const opts = ParseOptions.parse(options);
  const file = opts.path;
  const detected = opts.format ?? detectFormat(buf, file);
  if (detected === 'empty') throw new NianbaoError('EMPTY', file, 'the file is empty');
  if (detected === 'binary') throw new NianbaoError('BINARY', file, 'not a document: binary data of no format nianbao reads (PDF, DOCX, DOC, HTML, text)');
  if (detected === 'zip') throw new NianbaoError('UNREADABLE', file, 'a ZIP archive that is not a Word document');
  if (detected === 'rtf') throw new NianbaoError('UNREADABLE', file, 'an RTF document, which nianbao does not read: save it as DOCX or PDF');
  const doc = await adapters[detected](buf, file);
  const mapped = settleReadings(doc, mapReport(doc, file), file);
  const record: ReportRecord = {
    schemaVersion: 1,
    source: {
      path: file,
      format: doc.format,
      sha256: createHash('sha256').update(buf).digest('hex'),
      pages: doc.pages ?? null,
    },
    ...mapped,
  };
  // The contract is a promise: a record that breaks it is a bug, never output.
  return Report.parse(record);
}

/** Re-readings tried at most per document. */
const MAX_REREADS = 64;

const failures = (m: MappedReport) => m.checks.reduce((n, c) => n + (c.ok ? 0 : 1), 0);

/**
 * Where text positions left a table's columns in doubt (doc.rereadable) and the likeliest reading breaks the
 * report's own sums, other readings are tried: every combination where they are few, else one doubtful
 * placement at a time. The reading kept has the fewest failed checks and, among those, costs least by
 * position. Positions cannot tell a blank column from its neighbour; the column totals often can. The
 * COLUMNS_GUESSED warning stays either way: the choice is still inferred, and a report that misprints a
 * total may fit a wrong reading as well as the right one.
 */
function settleReadings(doc: DocModel, mapped: MappedReport, file: string): MappedReport {
  const offered = doc.rereadable?.offered;
  if (!offered || !failures(mapped)) return mapped;
  const costOf = (choices: readonly number[]) => choices.reduce((sum, j, i) => sum + (offered[i]?.[j] ?? 0), 0);
  let best = { mapped, failed: failures(mapped), cost: 0, choices: [] as number[] };
  let budget = MAX_REREADS;
  const tryReading = (choices: number[]) => {
    budget--;
    const m = mapReport(doc.rereadable!.reread(choices), file);
    const failed = failures(m);
    const cost = costOf(choices);
    if (failed < best.failed || (failed === best.failed && cost < best.cost)) best = { mapped: m, failed, cost, choices };
  };
  const combinations = offered.reduce((n, o) => n * o.length, 1);
  if (combinations - 1 <= MAX_REREADS) {
    for (let k = 1; k < combinations; k++) {
      let rest = k;
      tryReading(offered.map((o) => {
        const j = rest % o.length;
        rest = Math.floor(rest / o.length);
        return j;
      }));
    }
    return best.mapped;
  }
  for (let pass = 0; pass < 2 && best.failed && budget > 0; pass++) {
    const start = best.choices;
    offered.forEach((o, i) => {
      for (let j = 1; j < o.length && budget > 0; j++) {
        const choices = offered.map((_, c) => best.choices[c] ?? 0);
        if (choices[i] === j) continue;
        choices[i] = j;
        tryReading(choices);
      }
    });
    if (best.choices === start) break;
  }
  return best.mapped;
}

export async function parseFile(path: string, options: Omit<ParseOptionsInput, 'path'> = {}): Promise<ReportRecord> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new NianbaoError('IO', path, why);
  }
  return parseBuffer(buf, { ...options, path });
}
