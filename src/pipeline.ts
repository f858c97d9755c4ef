import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { NianbaoError } from './errors';
import { detectFormat } from './detect';
import { adapters } from './adapters';
import { mapReport } from './mapper';
import { settleReadings } from './readings';
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
