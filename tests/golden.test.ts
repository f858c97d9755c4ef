import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '../src/pipeline';
import { Case, ROOT, pick, sampleCases } from './helpers/cases';

/**
 * Whole documents: every sample with expected numbers must give exactly those numbers (a plain assertion the
 * golden files cannot hide), pass its checks unless its printed numbers do not add up, and carry no warnings;
 * the whole record is then compared with its golden file. `UPDATE_GOLDEN=1 npx jest tests/golden` rewrites them.
 */

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const UPDATE_GAPS = process.env.UPDATE_GAPS === '1';
const GOLDEN = path.join(__dirname, 'golden');
const KNOWN_GAPS = path.join(GOLDEN, 'known-gaps.json');
const formats = (process.env.GOLDEN_FORMATS ?? 'txt,tab.txt,html,htm,docx,doc,pdf,layout.txt').split(',');
const cases = sampleCases(['samples/seed', 'samples/generated', 'samples/corpus', 'samples/real'], formats);
// Reports printed with a slip: the generator says so in NAME.meta.json (samples/corpus/README.md); the shared
// samples' two are named in samples/README.md.
const SLIPS = new Set(['g42-002', 'g42-006', ...readSlips()]);

function readSlips(): string[] {
  const dir = path.join(ROOT, 'samples/corpus');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.meta.json'))
    .filter((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { slip: unknown }).slip)
    .map((f) => f.slice(0, -'.meta.json'.length));
}

describe('golden documents', () => {
  test('there are samples of every format', () => {
    expect(new Set(cases.map((c) => c.ext)).size).toBeGreaterThanOrEqual(Math.min(formats.length, 3));
  });

  // Documents nianbao does not yet read exactly (tests/golden/known-gaps.json, each with the reason). They run as
  // `test.failing`: the day one reads right, its test fails until it is taken off the list.
  // `UPDATE_GAPS=1` rewrites the list from what fails now (read the diff: a document leaving the list is progress,
  // one joining it a regression).
  const gaps = new Set(fs.existsSync(KNOWN_GAPS) ? Object.keys(JSON.parse(fs.readFileSync(KNOWN_GAPS, 'utf8')) as object) : []);
  const named = cases.map((c) => [path.relative(ROOT, c.doc), c] as const);
  if (UPDATE_GAPS) {
    const found: Record<string, string> = {};
    test.each(named)('%s (listing gaps)', async (rel, c) => {
      const why = await gapOf(rel, c);
      if (why) found[rel] = why;
    });
    afterAll(() => {
      const { $comment } = JSON.parse(fs.readFileSync(KNOWN_GAPS, 'utf8')) as { $comment: string };
      const sorted = Object.fromEntries(Object.keys(found).sort().map((k) => [k, found[k]]));
      fs.writeFileSync(KNOWN_GAPS, `${JSON.stringify({ $comment, ...sorted }, null, 1)}\n`);
    });
    return;
  }
  test.each(named.filter(([rel]) => !gaps.has(rel)))('%s', check);
  for (const [rel, c] of named.filter(([r]) => gaps.has(r))) test.failing(`${rel} (known gap)`, () => check(rel, c));
  // A gap whose numbers are right (only its warnings keep it on the list) must keep them right.
  const reasons = fs.existsSync(KNOWN_GAPS) ? JSON.parse(fs.readFileSync(KNOWN_GAPS, 'utf8')) as Record<string, string> : {};
  test.each(named.filter(([rel]) => reasons[rel]?.startsWith('numbers right')))('%s: numbers right, warnings aside', async (rel, c) => {
    const out = await parseFile(path.join(ROOT, rel));
    const want = expectedOf(c);
    expect(pick(out, want)).toEqual(want);
    expect(out.warnings.length).toBeGreaterThan(0);
  });
});

/** Why a document is a known gap, or undefined when it reads right: how many numbers are wrong, what it warns. */
async function gapOf(rel: string, c: Case): Promise<string | undefined> {
  try {
    await check(rel, c);
    return undefined;
  } catch {
    const out = await parseFile(path.join(ROOT, rel));
    const expected = expectedOf(c);
    let wrong = 0;
    const walk = (want: unknown, got: unknown): void => {
      if (want !== null && typeof want === 'object') {
        for (const [k, v] of Object.entries(want)) walk(v, (got as Record<string, unknown> | null | undefined)?.[k]);
      } else if (typeof want === 'number' || (want === null && typeof got === 'number')) wrong += want === got ? 0 : 1;
    };
    walk({ applications: expected.applications, reviewLitigation: expected.reviewLitigation, activeDisclosure: expected.activeDisclosure },
      { applications: out.applications, reviewLitigation: out.reviewLitigation, activeDisclosure: out.activeDisclosure });
    const codes = [...new Set(out.warnings.map((w) => w.code))].join(', ');
    return `${wrong ? `${wrong} numbers wrong` : 'numbers right'}${codes ? `; warns ${codes}` : ''}`;
  }
}

/** The expected record, the title aside (its spacing varies with the format). */
function expectedOf(c: Case): Record<string, unknown> {
  const expected = JSON.parse(fs.readFileSync(c.expectedPath, 'utf8')) as Record<string, unknown>;
  const { title: _title, ...reportFields } = expected.report as Record<string, unknown>;
  void _title;
  return { ...expected, report: reportFields };
}

async function check(rel: string, c: Case): Promise<void> {
  const out = await parseFile(rel.startsWith('/') ? rel : path.join(ROOT, rel));
  const want = expectedOf(c);
  expect(pick(out, want)).toEqual(want);

  const name = path.basename(c.expectedPath, '.expected.json');
  const failed = out.checks.filter((x) => !x.ok).map((x) => x.id);
  if (SLIPS.has(name)) expect(failed.length).toBeGreaterThan(0);
  else if (!rel.includes('samples/real/')) expect(failed).toEqual([]);
  if (!rel.includes('samples/real/')) expect(out.warnings).toEqual([]);

  const golden = path.join(GOLDEN, `${path.basename(c.doc)}.json`);
  const record = { ...out, source: { ...out.source, path: rel } };
  if (UPDATE || (!fs.existsSync(golden) && !process.env.CI)) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(golden, `${JSON.stringify(record, null, 1)}\n`);
  }
  expect(record).toEqual(JSON.parse(fs.readFileSync(golden, 'utf8')));
}
