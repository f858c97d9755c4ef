import fs from 'node:fs';
import path from 'node:path';
import { readText } from '../src/adapters/text';
import { mapReport } from '../src/mapper';
import { settleReadings } from '../src/readings';

/**
 * A report laid out with spaces whose likeliest column reading breaks its own sums: the other readings the
 * reconstructor kept are tried, and the one that breaks fewest is taken (samples/corpus/g1-043: pdftotext left a
 * page of section 三 without its header, so its numbers could sit a column either way; the report also misprints
 * one total, so two checks fail under every reading, the right one included).
 */

const ROOT = path.join(__dirname, '..');
const file = path.join(ROOT, 'samples/corpus/g1-043.layout.txt');

describe('settling doubtful column readings by the report\'s own sums', () => {
  const doc = readText(fs.readFileSync(file));
  const likeliest = mapReport(doc, file);
  const expected = JSON.parse(fs.readFileSync(file.replace(/\.layout\.txt$/, '.expected.json'), 'utf8')) as { applications: unknown };
  const slip = (JSON.parse(fs.readFileSync(file.replace(/\.layout\.txt$/, '.meta.json'), 'utf8')) as { slip: { brokenChecks: string[] } }).slip;

  test('the likeliest reading by position alone breaks some sums, and other readings are on offer', () => {
    expect(doc.rereadable?.offered.length).toBeGreaterThan(0);
    expect(likeliest.checks.some((c) => !c.ok)).toBe(true);
  });

  test('the reading kept fails only the checks the misprint breaks, gives the printed numbers, and is flagged', () => {
    const settled = settleReadings(doc, likeliest, file);
    expect(settled.checks.filter((c) => !c.ok).map((c) => c.id).sort()).toEqual([...slip.brokenChecks].sort());
    expect(likeliest.checks.filter((c) => !c.ok).length).toBeGreaterThan(slip.brokenChecks.length);
    expect(settled.applications).toEqual(expected.applications);
    expect(settled.warnings.map((w) => w.code)).toContain('COLUMNS_GUESSED');
  });

  test('a report whose sums hold is left as read', () => {
    const clean = { ...likeliest, checks: likeliest.checks.map((c) => ({ ...c, ok: true })) };
    expect(settleReadings(doc, clean, file)).toBe(clean);
  });
});

describe('readings offered only for the sums (a page without its header that no shift fits)', () => {
  const read = (name: string) => {
    const f = path.join(ROOT, 'samples/corpus', name);
    const doc = readText(fs.readFileSync(f));
    const truth = JSON.parse(fs.readFileSync(f.replace(/\.layout\.txt$/, '.expected.json'), 'utf8')) as { applications: { newReceived: unknown; results: unknown } };
    return { f, doc, truth, likeliest: mapReport(doc, f) };
  };

  test('one is taken where every sum then holds, and flagged (g273-007: section 三\'s last page, 34 numbers)', () => {
    const { f, doc, truth, likeliest } = read('g273-007.layout.txt');
    expect(likeliest.applications.results).not.toEqual(truth.applications.results);
    const settled = settleReadings(doc, likeliest, f);
    expect(settled.checks.filter((c) => !c.ok)).toEqual([]);
    expect(settled.applications.results).toEqual(truth.applications.results);
    expect(settled.warnings.map((w) => w.code)).toContain('COLUMNS_GUESSED');
  });

  test('none is taken where some sums still break (g277-051: one would move 其他\'s numbers on the header\'s page too)', () => {
    const { f, doc, truth, likeliest } = read('g277-051.layout.txt');
    const settled = settleReadings(doc, likeliest, f);
    expect(settled.checks.some((c) => !c.ok)).toBe(true);
    expect(settled.applications.newReceived).toEqual(truth.applications.newReceived);
  });
});
