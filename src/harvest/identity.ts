import { createHash } from 'node:crypto';
import type { ReportRecord } from '../schema';

/**
 * One report, however many files it was published as. Two originals are the same report when they name the same
 * agency and year and print the same numbers (every non-blank value at its contract path): the article page and
 * its PDF, or a district's report republished on the city's site. Originals that disagree on any number stay two
 * reports, so the disagreement is visible rather than resolved by a guess; they still share an article page.
 */
export function reportKey(record: ReportRecord): string {
  const agency = (record.report.agency ?? record.report.title ?? '').normalize('NFKC').replace(/\s+/g, '');
  const numbers = record.cells
    .filter((c) => c.value !== null)
    .map((c) => `${c.path}=${c.value}`)
    .sort()
    .join(';');
  const digest = createHash('sha256').update(numbers).digest('hex').slice(0, 16);
  return `${agency || '?'}/${record.report.year ?? '?'}/${digest}`;
}
