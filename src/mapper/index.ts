import { DocModel } from '../model';
import { NianbaoError } from '../errors';
import { ReportRecord, APPLICANT_COLUMNS, AppRowRecord } from '../schema';
import { TemplateVersion, applicationRows, loadTemplates } from '../templates';
import { applicationChecks, reviewChecks } from '../checks';
import { MapContext } from './context';
import { classifyTables } from './classify';
import { findMeta } from './meta';
import { collectSections } from './sections';
import { mapApplications, Layout } from './applications';
import { mapReview } from './review';
import { activeVersionVotes, mapActive } from './active';

/**
 * The intermediate model to the contract: title lines → tables by kind → template version → numbers → checks.
 * Everything the mapper is unsure of becomes a warning; a document with none of the template's tables is no report.
 */

export type MappedReport = Omit<ReportRecord, 'schemaVersion' | 'source'>;

function emptyRow(): AppRowRecord {
  return Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, null])) as AppRowRecord;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

export function mapReport(doc: DocModel, file: string): MappedReport {
  const ctx = new MapContext();
  for (const w of doc.warnings) ctx.warn(w.code, w.message);

  const meta = findMeta(doc.blocks, doc.metaTitle);
  if (meta.year !== null && meta.year < 2019) {
    throw new NianbaoError('PRE_2019', file, `a report for ${meta.year}, before the 2019 national template; its tables follow no template nianbao reads`);
  }
  const tables = classifyTables(doc.blocks);
  const appTables = tables.get('applications') ?? [];
  const reviewTables = tables.get('review') ?? [];
  const activeTables = tables.get('active') ?? [];
  if (!appTables.length && !reviewTables.length && !activeTables.length) {
    // Rows of section 三 with their numbers but no columns: text copied out of a PDF without its layout (a viewer's
    // copy, pdftotext without -layout), where a blank cell leaves no trace. Say what would work.
    const flat = doc.blocks.some((b) => b.kind === 'paragraph' && /(?:本年新收|上年结转)政府信息公开申请数量\s*\d+(?:\s+\d+)+/.test(b.text));
    const why = doc.blocks.some((b) => b.kind === 'table') ? 'its tables are none of the national template\'s'
      : flat ? 'its table rows are there but not in columns (text copied without its layout); read the PDF itself, or text from `pdftotext -layout`'
        : 'it has no tables';
    throw new NianbaoError('NOT_A_REPORT', file, `not a government information disclosure annual report: ${why}`);
  }
  if (!meta.title) ctx.warn('TITLE_MISSING', 'no title naming the report\'s year and agency was found');
  else if (!meta.agency) ctx.warn('AGENCY_MISSING', 'the title names no issuing body');

  const apps = mapApplications(appTables, ctx);
  if (!appTables.length) ctx.warn('TABLE_MISSING', 'section 三: no table of information requests was found; its numbers are null');
  const layout: Layout = apps?.layout ?? 'split';

  const votes = activeVersionVotes(activeTables);
  let version: TemplateVersion;
  if (votes['2021'] !== votes['2019']) version = votes['2021'] > votes['2019'] ? '2021' : '2019';
  else {
    version = meta.year !== null ? (meta.year >= 2021 ? '2021' : '2019') : apps?.layout === 'single' ? '2019' : '2021';
    ctx.warn('TEMPLATE_GUESSED', `the tables do not say which template they follow; ${version} assumed from ${meta.year !== null ? 'the year' : 'section 三'}`);
  }
  if (!activeTables.length) ctx.warn('TABLE_MISSING', 'section 二: no table of proactive disclosure was found; its numbers are null');
  const activeItems = mapActive(activeTables, version, ctx);

  const review = reviewTables.length ? mapReview(reviewTables, ctx) : undefined;
  if (!reviewTables.length) ctx.warn('TABLE_MISSING', 'section 四: no table of reviews and lawsuits was found; its numbers are null');

  // Assemble the contract objects, nulls where nothing was printed or found.
  const applications: Record<string, unknown> = {};
  const appRows = new Map<string, AppRowRecord>();
  for (const spec of applicationRows(layout)) {
    const row = (apps?.rows.get(spec.path) as AppRowRecord | undefined) ?? emptyRow();
    appRows.set(spec.path, row);
    setPath(applications, spec.path, row);
  }
  const activeDisclosure: Record<string, Record<string, unknown>> = {};
  for (const item of loadTemplates().active[version].items) {
    const got = activeItems.get(item.key);
    const rec: Record<string, unknown> = {};
    for (const f of item.fields) rec[f.key] = got?.[f.key] ?? null;
    if (item.key === 'procurement') rec.amountUnit = got?.amountUnit ?? null;
    activeDisclosure[item.key] = rec;
  }
  const reviewLitigation: Record<string, Record<string, number | null>> = {};
  for (const g of loadTemplates().review.groups) {
    reviewLitigation[g.key] = Object.fromEntries(loadTemplates().review.columns.map((c) => [c.key, review?.get(g.key)?.[c.key] ?? null]));
  }

  const reviewRecord = reviewLitigation as unknown as ReportRecord['reviewLitigation'];
  const checks = [
    ...(apps ? applicationChecks(appRows, layout) : []),
    ...(review ? reviewChecks(reviewRecord) : []),
  ];
  const { sections } = collectSections(doc.blocks);

  return {
    report: { title: meta.title, agency: meta.agency, year: meta.year, templateVersion: version },
    sections,
    activeDisclosure: activeDisclosure as unknown as ReportRecord['activeDisclosure'],
    applications: applications as unknown as ReportRecord['applications'],
    reviewLitigation: reviewRecord,
    cells: ctx.cells,
    checks,
    warnings: ctx.warnings,
  };
}
