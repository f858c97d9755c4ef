import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { textWorkerPath } from '../../src/pdf/load';

/**
 * The worker nianbao reads PDFs with (scripts/pdfjs-text-worker.js) skips converting font programs for fonts with a
 * ToUnicode map, copies text states flat and inflates with zlib. It must give exactly the text items pdfjs-dist's own worker gives: the same text, positions,
 * widths and fonts, on PDFs of every kind the project holds (LibreOffice from DOCX, real published reports with
 * TrueType CID fonts, a page turned a quarter turn with the 2019 template).
 */

const ROOT = path.join(__dirname, '..', '..');
const ORIGINAL = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const PDFS = [
  'samples/real/02-huaian-shizhengfu-2024.pdf',
  'samples/real/03-huaian-hongzequ-2023.pdf',
  'samples/real/04-huaian-hongzequ-2024.pdf',
  'samples/generated/g42-003.pdf',
  'samples/corpus/g1-000.pdf',
  'samples/corpus/g43-003.pdf',
  'tests/fixtures/pdf/rotated-2019.pdf',
].map((f) => path.join(ROOT, f));

function textItems(worker: string): Record<string, unknown> {
  const script = path.join(__dirname, 'textItems.mjs');
  return JSON.parse(execFileSync(process.execPath, [script, worker, ...PDFS], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, unknown>;
}

describe('the text worker', () => {
  it('is pdfjs-dist\'s worker with its three changes, made by the build', () => {
    const patched = fs.readFileSync(textWorkerPath(), 'utf8');
    const original = fs.readFileSync(ORIGINAL, 'utf8');
    expect(patched.split('nianbao (scripts/pdfjs-text-worker.js)').length - 1).toBe(3);
    expect(patched.length).toBeGreaterThan(original.length);
    expect(patched.length - original.length).toBeLessThan(1500);
  });

  it('gives the same text items as pdfjs-dist\'s own worker', () => {
    for (const f of PDFS) expect(fs.existsSync(f)).toBe(true);
    const own = textItems(ORIGINAL);
    const text = textItems(textWorkerPath());
    expect(Object.keys(text)).toHaveLength(PDFS.length);
    for (const f of PDFS) {
      const pages = text[f] as { items: unknown[] }[];
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.reduce((n, p) => n + p.items.length, 0)).toBeGreaterThan(50);
      expect(text[f]).toEqual(own[f]);
    }
  }, 120_000);
});
