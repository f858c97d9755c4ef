/** What one harvest run did, in numbers: returned by `harvest()`, kept in harvest_runs, printed by the CLI. */
export interface HarvestSummary {
  run: number;
  sources: number;
  /** URLs visited, by kind (a visit may end in a failure or a 304). */
  fetched: { listing: number; page: number; attachment: number };
  /** HTTP requests sent: robots.txt, retries and redirect hops included. */
  requests: number;
  /** Visits answered 304 Not Modified. */
  notModified: number;
  /** Report links read on the listing pages walked. */
  reportLinks: number;
  /** Originals (files) stored for the first time. */
  newOriginals: number;
  /** Reports found for the first time (an article page and its PDF with the same numbers are one). */
  newReports: number;
  /** New originals that could not be read as a report, by error code (NOT_A_REPORT for a page that only links its PDF). */
  unreadable: Record<string, number>;
  /** Visits that failed, by code; each is retried by later runs. */
  failures: Record<string, number>;
  seconds: number;
  interrupted: boolean;
}

export function emptySummary(run: number, sources: number): HarvestSummary {
  return {
    run, sources, fetched: { listing: 0, page: 0, attachment: 0 }, requests: 0, notModified: 0, reportLinks: 0,
    newOriginals: 0, newReports: 0, unreadable: {}, failures: {}, seconds: 0, interrupted: false,
  };
}

const counts = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ');

export function formatHarvestSummary(s: HarvestSummary): string {
  const f = s.fetched;
  const parts = [
    `run ${s.run}: ${s.sources} sources`,
    `${f.listing} listing pages, ${f.page} report pages, ${f.attachment} attachments visited (${s.requests} requests, ${s.notModified} not modified)`,
    `${s.newReports} new reports from ${s.newOriginals} new originals`,
  ];
  if (Object.keys(s.unreadable).length) parts.push(`not a report: ${counts(s.unreadable)}`);
  if (Object.keys(s.failures).length) parts.push(`failed, to retry: ${counts(s.failures)}`);
  return `nianbao harvest: ${parts.join('; ')}; ${s.seconds.toFixed(1)} s${s.interrupted ? ' (interrupted)' : ''}`;
}
