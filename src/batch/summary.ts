import { BatchErrorCode } from './outcome';

/** What a run did, counted as it goes; printed at the end on stderr. */
export interface BatchSummary {
  out: string;
  /** Files the arguments named. */
  files: number;
  /** Files whose content was already in OUT (an earlier run, resumed). */
  alreadyDone: number;
  /** Files with the same content as another file of this run, so parsed once. */
  duplicates: number;
  /** Reports parsed and written. */
  parsed: number;
  /** Of those, reports with at least one failed check. */
  withFailedChecks: number;
  /** Files written as error records, by code. */
  failed: Partial<Record<BatchErrorCode, number>>;
  seconds: number;
  /** Stopped early (Ctrl-C): run the same command again to go on. */
  interrupted: boolean;
}

export function failedCount(s: Pick<BatchSummary, 'failed'>): number {
  return Object.values(s.failed).reduce((a, b) => a + (b ?? 0), 0);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatSummary(s: BatchSummary): string {
  const failed = failedCount(s);
  const byCode = Object.entries(s.failed).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${code} ${n}`).join(', ');
  const done = s.parsed + failed;
  const rate = s.seconds > 0 ? done / s.seconds : 0;
  return [
    `nianbao batch: ${s.interrupted ? 'interrupted; run the same command again to go on' : 'done'} (${s.out}, ${s.seconds.toFixed(1)} s)`,
    `  files read     ${s.files}${s.alreadyDone ? `, ${s.alreadyDone} already in ${s.out}` : ''}${s.duplicates ? `, ${plural(s.duplicates, 'duplicate')} of another file skipped` : ''}`,
    `  parsed         ${plural(s.parsed, 'report')}, ${s.withFailedChecks} with failed checks`,
    `  failed         ${failed}${byCode ? ` (${byCode})` : ''}`,
    `  rate           ${rate.toFixed(1)} files/s`,
  ].join('\n');
}
