import { applicationChecks, reviewChecks } from '../src/checks';
import { AppRowRecord } from '../src/schema';
import { applicationRows } from '../src/templates';

const r = (n: number, total = n): AppRowRecord => ({ naturalPerson: n, commercial: null, research: null, socialWelfare: null, legalService: null, otherOrg: null, total });

function rows(layout: 'split' | 'single', set: Record<string, AppRowRecord>) {
  return new Map(applicationRows(layout).map((s) => [s.path, set[s.path] ?? r(0)]));
}

describe('checks', () => {
  test('a consistent table passes every check, nulls counting as 0', () => {
    const m = rows('split', { newReceived: r(5), carriedOver: r(1), 'results.granted': r(4), 'results.total': r(4), carriedForward: r(2) });
    const c = applicationChecks(m, 'split');
    expect(c.filter((x) => !x.ok)).toEqual([]);
    expect(c).toHaveLength(7 + 7 + 25);
  });

  test('one wrong printed total fails its balance, its sum and its row total, and nothing else', () => {
    const m = rows('split', { newReceived: r(5), 'results.granted': r(5), 'results.total': r(5, 6) });
    expect(applicationChecks(m, 'split').filter((x) => !x.ok).map((x) => x.id).sort()).toEqual([
      'applications.balance.total', 'applications.resultsSum.total', 'applications.rowTotal.results.total']);
  });

  test('the one-row （六） counts in the results sum', () => {
    const m = rows('single', { newReceived: r(2), 'results.otherHandling': r(2), 'results.total': r(2) });
    expect(applicationChecks(m, 'single').every((x) => x.ok)).toBe(true);
    expect(applicationChecks(m, 'single')).toHaveLength(7 + 7 + 23);
  });

  test('money sums compare to the cent, not bit for bit', () => {
    const m = rows('split', { newReceived: r(0.1 + 0.2, 0.3), 'results.granted': r(0.3), 'results.total': r(0.3) });
    expect(applicationChecks(m, 'split').every((x) => x.ok)).toBe(true);
  });

  test('review totals, one check per group, with the numbers in the message', () => {
    const g = (a: number, total: number) => ({ upheld: a, corrected: 1, other: null, pending: 0, total });
    const c = reviewChecks({ review: g(10, 0), litigationDirect: g(1, 2), litigationAfterReview: g(0, 1) });
    expect(c.map((x) => [x.id, x.ok])).toEqual([
      ['reviewLitigation.total.review', false], ['reviewLitigation.total.litigationDirect', true], ['reviewLitigation.total.litigationAfterReview', true]]);
    expect(c[0]!.message).toContain('11');
  });
});
