import fs from 'node:fs';
import { z } from 'zod';
import { NianbaoError } from '../errors';
import { parseYaml, YamlError } from './yaml';

/**
 * The sources file: a list of sites to walk. Only `name` and `url` are needed; the rest overrides the defaults of
 * src/harvest/links.ts for a site whose layout they miss. JSON, or YAML (the subset of src/harvest/yaml.ts).
 */

const regex = (what: string) => z.string().min(1).refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, `${what} is not a valid regular expression`).transform((s) => new RegExp(s, 'iu'));

const httpUrl = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http or https URL');

export const Source = z.object({
  /** What the source is called in the database and the output. */
  name: z.string().min(1),
  /** The listing page(s) to start from. */
  url: z.union([httpUrl, z.array(httpUrl).min(1)]).transform((u) => (Array.isArray(u) ? u : [u])),
  /** A report link's text (or title) must match this; default: 年度报告 or 年报 with a year. */
  linkText: regex('linkText').optional(),
  /** A report link's URL must match this; default: any. */
  linkUrl: regex('linkUrl').optional(),
  /** Text of a link to the next listing page; default: 下一页, 下页, 后页, >, ›, ». */
  nextText: regex('nextText').optional(),
  /** URL of a listing page; default: index_N.html, list_N.html, ?page=N and its cousins. */
  pageUrl: regex('pageUrl').optional(),
  /** Extensions of attachments to fetch from a report page. */
  attachments: z.array(z.string().regex(/^\.?[a-z0-9]+$/i).transform((e) => e.replace(/^\./, '').toLowerCase())).min(1).default(['pdf', 'doc', 'docx', 'wps']),
  /** Listing pages walked per run, at most; default: the --max-pages option. */
  maxPages: z.number().int().min(1).optional(),
}).strict();

export type Source = z.output<typeof Source>;

const Sources = z.array(Source).min(1, 'the sources file lists no source').superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the name "${s.name}" is used twice` });
    seen.add(s.name);
  });
});

/** Reads and checks a sources file; JSON if it parses as JSON, else YAML. */
export function loadSources(file: string): Source[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new NianbaoError('IO', file, `cannot read the sources file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseSources(text, file);
}

export function parseSources(text: string, file = 'sources'): Source[] {
  let data: unknown;
  const trimmed = text.trimStart();
  try {
    data = trimmed.startsWith('[') || trimmed.startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const why = e instanceof YamlError ? `YAML ${e.message}` : `JSON ${(e as Error).message}`;
    throw new NianbaoError('USAGE', file, `the sources file cannot be read: ${why}`);
  }
  const parsed = Sources.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}` : '';
    throw new NianbaoError('USAGE', file, `the sources file is not valid${where}: ${issue.message}`);
  }
  return parsed.data;
}
