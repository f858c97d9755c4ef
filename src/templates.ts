import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The national templates as data (extractors/*.json): a new wording or a template revision is a change there,
 * with a test, not new code. Loaded once per process, validated, cached.
 */

const Labelled = z.object({ key: z.string(), labels: z.array(z.string()).min(1) });

const SectionsFile = z.object({
  sections: z.array(z.object({
    key: z.enum(['overview', 'active', 'applications', 'review', 'problems', 'other']),
    numeral: z.string().length(1),
    variants: z.array(z.string()).min(1),
  })),
});

const ApplicationsFile = z.object({
  /** The header's words over groups of columns (申请人情况, 法人或其他组织): never a column of numbers. */
  headings: z.array(z.string()),
  columns: z.array(Labelled).length(7),
  rows: z.array(z.object({
    path: z.string(),
    group: z.string().optional(),
    layout: z.enum(['split', 'single']).optional(),
    labels: z.array(z.string()).min(1),
  })),
});

const ReviewFile = z.object({
  /** The header's words over groups of columns (行政诉讼), besides the groups' own labels: never a column of numbers. */
  headings: z.array(z.string()),
  groups: z.array(Labelled).length(3),
  columns: z.array(Labelled).length(5),
});

const ActiveFile = z.object({
  version: z.enum(['2019', '2021']),
  items: z.array(Labelled.extend({
    /** signed: the field may be below zero (本年增/减); every other is a count or an amount. */
    fields: z.array(Labelled.extend({ signed: z.boolean().optional() })).min(1),
  })),
});

export type TemplateVersion = '2019' | '2021';
export type ApplicationsTemplate = z.infer<typeof ApplicationsFile>;
export type ApplicationRowSpec = ApplicationsTemplate['rows'][number];
export type ReviewTemplate = z.infer<typeof ReviewFile>;
export type ActiveTemplate = z.infer<typeof ActiveFile>;
export type ActiveItemSpec = ActiveTemplate['items'][number];

export interface Templates {
  sections: z.infer<typeof SectionsFile>['sections'];
  applications: ApplicationsTemplate;
  review: ReviewTemplate;
  active: Record<TemplateVersion, ActiveTemplate>;
}

/** extractors/ sits beside src/ and dist/ alike. */
export const EXTRACTORS_DIR = path.join(__dirname, '..', 'extractors');

function read<T>(file: string, schema: z.ZodType<T>): T {
  const p = path.join(EXTRACTORS_DIR, file);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(p, 'utf8')));
  if (!parsed.success) throw new Error(`extractors/${file} is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cache: Templates | undefined;

export function loadTemplates(): Templates {
  cache ??= {
    sections: read('sections.json', SectionsFile).sections,
    applications: read('applications.json', ApplicationsFile),
    review: read('review.json', ReviewFile),
    active: { '2021': read('active-2021.json', ActiveFile), '2019': read('active-2019.json', ActiveFile) },
  };
  return cache;
}

/** The rows of section 三 for a template layout of （六）其他处理. */
export function applicationRows(layout: 'split' | 'single'): ApplicationRowSpec[] {
  return loadTemplates().applications.rows.filter((r) => !r.layout || r.layout === layout);
}

export interface TemplateColumns {
  /** Which of the template's grids: section 三's applications or section 四's reviews and lawsuits. */
  table: 'applications' | 'review';
  count: number;
  labels: readonly string[];
  /** Words of the header over groups of columns, never a column themselves (行政诉讼, 复议后起诉, 申请人情况). */
  headings: readonly string[];
  /** The template's sums across a row: each group's columns and the total column that adds them up. */
  totals: { members: number[]; total: number }[];
}

/** The sums of `groups` groups of columns keyed `keys`: in each, the `total` column adds up the others. */
function groupTotals(keys: readonly string[], groups: number): TemplateColumns['totals'] {
  const t = keys.indexOf('total');
  if (t < 0) return [];
  return Array.from({ length: groups }, (_, g) => ({
    members: keys.flatMap((_, i) => (i === t ? [] : [g * keys.length + i])),
    total: g * keys.length + t,
  }));
}

/**
 * The value columns of a template table, from the words of its header: section 三's names its first and last
 * applicant columns (自然人 … 总计), section 四's its groups (行政复议 … 复议后起诉). Text laid out with spaces
 * shifts header lines against each other, so the header's own cells may not count its columns right.
 */
export function templateColumns(headerText: string): TemplateColumns | undefined {
  const t = headerText.replace(/\s+/g, '');
  const { applications, review } = loadTemplates();
  const names = (labels: readonly string[]) => labels.some((l) => t.includes(l));
  const first = applications.columns[0];
  const last = applications.columns[applications.columns.length - 1];
  // The applications table by its first and last columns, or, where its header came apart (narrow columns set one
  // character a line: 自 / 然 / 人), by its corner note or its group heading.
  const ownWords = t.includes('勾稽关系') || applications.headings.some((h) => t.includes(h));
  if (first && last && (ownWords || (names(first.labels) && names(last.labels))) && !review.groups.some((g) => names(g.labels))) {
    return { table: 'applications', count: applications.columns.length, labels: applications.columns.flatMap((c) => c.labels),
      headings: applications.headings, totals: groupTotals(applications.columns.map((c) => c.key), 1) };
  }
  if (review.groups.every((g) => names(g.labels))) {
    return { table: 'review', count: review.groups.length * review.columns.length, labels: review.columns.flatMap((c) => c.labels),
      headings: [...review.headings, ...review.groups.flatMap((g) => g.labels)], totals: groupTotals(review.columns.map((c) => c.key), review.groups.length) };
  }
  return undefined;
}

/**
 * True where a header cell names a column that may print a number below zero (section 二's 本年增/减, marked
 * `signed` in extractors/active-*.json). A table's numbers are placed by it: −8 is no 上一年项目数量.
 */
export function signedColumn(cellText: string): boolean {
  const t = cellText.replace(/\s+/g, '');
  if (!t) return false;
  const { active } = loadTemplates();
  return Object.values(active).some((v) => v.items.some((item) => item.fields.some((f) => f.signed && f.labels.some((l) => t.includes(l)))));
}
