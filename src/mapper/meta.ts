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
  return a.length >= 2 && a.length <= 40 && !/[。；;]/.test(a) ? a : null;
}

export function findMeta(blocks: readonly Block[], metaTitle?: string): ReportMeta {
  const paras: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') break;
    for (const line of b.text.split('\n')) if (line.trim()) paras.push(clean(line));
    if (paras.length > 40) break;
  }
  // A title line is short and names a year's report.
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.length > 70) continue;
    const m = TITLE_TAIL.exec(p);
    // "2021年度XX局政府信息公开工作年度报告": the agency sits between the year and the words.
    const between = m ? undefined : TITLE_YEAR_FIRST.exec(p);
    const alt = m || between ? undefined : TITLE_YEAR_AFTER.exec(p);
    if (!m && !between && !alt) continue;
    const year = Number(m ? m[1] : between ? between[1] : alt![2]);
    const before = m ? p.slice(0, m.index) : between ? between[2]! : alt![1]!;
    let agency = agencyFrom(before);
    let title = p;
    if (!agency && i > 0) {
      const prev = paras[i - 1]!;
      const a = prev.length <= 40 ? agencyFrom(prev) : null;
      if (a && !/[>›»|]|首页|发布日期|来源/.test(prev)) {
        agency = a;
        title = prev + p;
      }
    }
    if (!agency) agency = openingAgency(paras);
    return { title, agency, year };
  }
  const fromOpening = paras.map((p) => OPENING.exec(p)).find((m) => m);
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

function openingAgency(paras: readonly string[]): string | null {
  for (const p of paras) {
    const m = OPENING.exec(p);
    if (m) return agencyFrom(m[1]!);
  }
  return null;
}
