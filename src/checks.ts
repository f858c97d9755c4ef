import { APPLICANT_COLUMNS, AppRowRecord, ReportRecord } from './schema';
import { applicationRows, loadTemplates } from './templates';

/**
 * The report's own arithmetic, recomputed (contract: Checks). null counts as 0. A failed check never changes
 * a number: the numbers stay as printed and the disagreement is reported here, one entry per column or group.
 */

export interface CheckResult {
  id: string;
  ok: boolean;
  message: string;
}

type Rows = Map<string, AppRowRecord>;
const n = (v: number | null | undefined) => v ?? 0;
/** Sums of money carry decimals: compare to the cent. */
const equal = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

export function applicationChecks(rows: Rows, layout: 'split' | 'single'): CheckResult[] {
  const specs = applicationRows(layout);
  const leaves = specs.map((s) => s.path).filter((p) => p.startsWith('results.') && p !== 'results.total');
  const get = (path: string, col: string) => n(rows.get(path)?.[col as keyof AppRowRecord]);
  const out: CheckResult[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const left = get('newReceived', col) + get('carriedOver', col);
    const right = get('results.total', col) + get('carriedForward', col);
    out.push({
      id: `applications.balance.${col}`,
      ok: equal(left, right),
      message: `一 + 二 = ${fmt(left)}; 三（七）总计 + 四 = ${fmt(right)}`,
    });
  }
  for (const col of APPLICANT_COLUMNS) {
    const total = get('results.total', col);
    const sum = leaves.reduce((s, p) => s + get(p, col), 0);
    out.push({
      id: `applications.resultsSum.${col}`,
      ok: equal(total, sum),
      message: `（七）总计 = ${fmt(total)}; the ${leaves.length} result rows add up to ${fmt(sum)}`,
    });
  }
  for (const spec of specs) {
    const total = get(spec.path, 'total');
    const sum = APPLICANT_COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + get(spec.path, c), 0);
    out.push({
      id: `applications.rowTotal.${spec.path}`,
      ok: equal(total, sum),
      message: `总计 = ${fmt(total)}; the six applicant columns add up to ${fmt(sum)}`,
    });
  }
  return out;
}

export function reviewChecks(review: ReportRecord['reviewLitigation']): CheckResult[] {
  const { groups, columns } = loadTemplates().review;
  const parts = columns.map((c) => c.key).filter((k) => k !== 'total');
  return groups.map((g) => {
    const group = review[g.key as keyof typeof review];
    const total = n(group.total);
    const sum = parts.reduce((s, k) => s + n(group[k as keyof typeof group]), 0);
    return {
      id: `reviewLitigation.total.${g.key}`,
      ok: equal(total, sum),
      message: `总计 = ${fmt(total)}; 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = ${fmt(sum)}`,
    };
  });
}
