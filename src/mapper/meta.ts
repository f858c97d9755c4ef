import { Block } from '../model';
import { normalizeChars } from '../text/normalize';

/**
 * Title, issuing body and year, from the title lines (often two: the agency, then "2021年政府信息公开工作年度报告"),
 * else the opening sentence ("现公布XX2021年政府信息公开工作年度报告"), else the page's own title.
 */

export interface ReportMeta {
  title: string | null;
  agency: string | null;
  year: number | null;
}

const TITLE_TAIL = /((?:19|20)\d{2})\s*年\s*度?\s*(?:的)?\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*(?:年\s*度)?\s*(?:报\s*告|年\s*报)/;
const TITLE_YEAR_FIRST = /^((?:19|20)\d{2})\s*年\s*度?(.{2,40}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const TITLE_YEAR_AFTER = /^(.*?)(?:政府)?信息公开(?:工作)?年度报告\s*[（(]\s*((?:19|20)\d{2})\s*年?度?\s*[)）]/;
const OPENING = /(?:现|特)?(?:公布|发布|编制|形成)(?:了)?(.{2,40}?)((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告/;

function clean(s: string): string {
  return normalizeChars(s).replace(/\s+/g, '').trim();
}

/** The agency as printed before the year: drop 关于, leading marks, quotes and trailing punctuation. */
function agencyFrom(s: string): string | null {
  const a = s.replace(/^(?:关于|[《“"「【\[(（])+/, '').replace(/[》”"」】\])）:：,，、。\s]+$/, '').trim();
  return a.length >= 2 && a.length <= 40 && !/[。；;\[\]>|]/.test(a) ? a : null;
}

/** Breadcrumbs and article headers: never part of the title. */
const FURNITURE_LINE = /[>›»|]|首页|发布日期|发布时间|来源|浏览次数|字号/;

function titleIn(p: string): { title: string; agency: string | null; year: number } | undefined {
  if (p.length > 70) return undefined;
  const m = TITLE_TAIL.exec(p);
  if (m) return { title: p, agency: agencyFrom(p.slice(0, m.index)), year: Number(m[1]) };
  // "2021年度XX局政府信息公开工作年度报告": the agency sits between the year and the words.
  // (A few characters set beside the title on its line, a sidebar's 息公开, come before the year: they are dropped.)
  const year = /(?:19|20)\d{2}\s*年/.exec(p);
  const from = year && year.index > 0 && year.index <= 8 && !/\d/.test(p.slice(0, year.index)) ? year.index : 0;
  const between = TITLE_YEAR_FIRST.exec(p.slice(from));
  if (between) {
    // "2022年XX区人民政府信息公开…": the agency's 政府 doubles as the words' 政府; give it back to the agency.
    const agency = /人民$/.test(between[2]!) ? `${between[2]}政府` : between[2]!;
    return { title: p.slice(from), agency: agencyFrom(agency), year: Number(between[1]) };
  }
  const alt = TITLE_YEAR_AFTER.exec(p);
  if (alt) return { title: p, agency: agencyFrom(alt[1]!), year: Number(alt[2]) };
  return undefined;
}

export function findMeta(blocks: readonly Block[], metaTitle?: string): ReportMeta {
  const paras: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') break;
    for (const line of b.text.split('\n')) if (line.trim()) paras.push(clean(line));
    if (paras.length > 40) break;
  }
  // A title line is short and names a year's report; a title broken over two lines ("2022年XX县人民政府" /
  // "政府信息公开工作年度报告") is tried joined as well.
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const next = paras[i + 1];
    const joinable = next !== undefined && p.length <= 40 && next.length <= 40 && !FURNITURE_LINE.test(p);
    // Join only when the next line is no title by itself (a breadcrumb's wrapped tail must not prefix the title).
    const found = titleIn(p) ?? (joinable && !titleIn(next) ? titleIn(p + next) : undefined);
    if (!found) continue;
    let { agency, title } = found;
    if (!agency && i > 0) {
      const prev = paras[i - 1]!;
      const a = prev.length <= 40 ? agencyFrom(prev) : null;
      if (a && !FURNITURE_LINE.test(prev)) {
        agency = a;
        title = prev + title;
      }
    }
    const opened = openingAgency(paras);
    if (!agency) agency = opened;
    // Text set beside the title on its line (a web page's sidebar printed to PDF: 息公开 江苏省商务厅2022年…) joins
    // it; the opening sentence names the agency alone (现公布江苏省商务厅2022年…), and wins where the title's holds it.
    else if (opened && agency !== opened && agency.includes(opened)) {
      if (title.startsWith(agency)) title = opened + title.slice(agency.length);
      agency = opened;
    }
    return { title, agency, year: found.year };
  }
  const fromOpening = openingMatch(paras);
  if (fromOpening) {
    const agency = agencyFrom(fromOpening[1]!);
    return { title: agency ? `${agency}${fromOpening[2]}年政府信息公开工作年度报告` : null, agency, year: Number(fromOpening[2]) };
  }
  if (metaTitle) {
    const t = clean(metaTitle);
    const m = TITLE_TAIL.exec(t);
    if (m) return { title: t.slice(0, m.index + m[0].length), agency: agencyFrom(t.slice(0, m.index)), year: Number(m[1]) };
  }
  return { title: null, agency: null, year: null };
}

/** The opening sentence ("现公布XX2022年政府信息公开工作年度报告"), also where it wraps a line. */
function openingMatch(paras: readonly string[]): RegExpExecArray | undefined {
  for (let i = 0; i < paras.length; i++) {
    const m = OPENING.exec(paras[i]!) ?? OPENING.exec(paras[i]! + (paras[i + 1] ?? ''));
    if (m) return m;
  }
  return undefined;
}

function openingAgency(paras: readonly string[]): string | null {
  const m = openingMatch(paras);
  return m ? agencyFrom(m[1]!) : null;
}
