import { normalizeChars } from '../text/normalize';
import { memoize } from '../text/memo';

/**
 * Reading one printed cell as a number (contract: "Every number in the three tables").
 * null when the cell holds no digits (blank, —, /, 无); otherwise the number printed, with full-width digits,
 * thousands separators, spaces and trailing units removed; 本年增/减 keeps its sign (减少2 → -2).
 */

export interface ParsedNumber {
  value: number | null;
  /** The unit printed after the number, if any (元, 万元, 件, 条, 个, 项, 次, 人次). */
  unit?: string;
  /** False when the cell holds digits but is not a number nianbao can read with certainty. */
  ok: boolean;
}

const BLANK = /^[\s\-－—–―一~～/／\\、.．。·*×xX无空暂缺不适用没有]*$/;
const UNITS = '万元|亿元|元|件|条|个|项|次|人次|宗|户|人|份|万';
const NUMBER = new RegExp(
  `^(增加|新增|增|减少|减|[+\\-−—–])?\\s*(\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(${UNITS})?$`,
);

/** Memoised (cells such as "0" and "—" recur thousands of times in a batch); the result is shared, read-only. */
export const parseNumber: (raw: string) => Readonly<ParsedNumber> = memoize((raw) => Object.freeze(parse(raw)));

function parse(raw: string): ParsedNumber {
  const s = normalizeChars(raw).replace(/\s+/g, ' ').trim();
  if (!/\d/.test(s)) {
    // "零" alone is a number written out; everything else without digits is a blank cell.
    if (s === '零') return { value: 0, ok: true };
    return { value: null, ok: BLANK.test(s) || s.length === 0 };
  }
  const compact = s.replace(/(\d)\s+(?=\d)/g, '$1');
  const m = NUMBER.exec(compact);
  if (!m) return { value: null, ok: false };
  const sign = m[1] && /^(减少|减|[-−—–])$/.test(m[1]) ? -1 : 1;
  const value = sign * Number((m[2] ?? '').replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return { value: null, ok: false };
  return { value: Object.is(value, -0) ? 0 : value, ok: true, ...(m[3] ? { unit: m[3] } : {}) };
}

/** True when the text holds a digit of any width (１２ as well as 12). */
export function hasDigits(raw: string): boolean {
  return /[0-9\uFF10-\uFF19]/.test(raw);
}

/** True when the cell plainly holds a number or a blank mark: what value cells look like. */
export function looksLikeValue(raw: string): boolean {
  const p = parseNumber(raw);
  return p.ok;
}

/** What a table prints in a cell with nothing to report (contract: null): a dash, a slash, 无. */
const BLANK_MARK = /^(?:无|空|暂无|[-－—–―一]{1,3}|[/／\\]|[*×xX])$/;

export function isBlankMark(s: string): boolean {
  return BLANK_MARK.test(normalizeChars(s).trim());
}
