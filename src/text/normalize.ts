import { RADICAL_PAIRS } from './radicals';

/**
 * Character-level normalisation shared by every stage. Reports printed from WPS or scanned fonts carry
 * Kangxi radicals (⽇ U+2F47 for 日), CJK compatibility ideographs and full-width digits; NFKC folds them
 * (pitfalls.md, pdfjs-dist). PDF makers that name a glyph by the lowest code point a font gives it write radicals
 * of the supplement and extension-A characters NFKC leaves alone (人⺠政府, ⻓沙): src/text/radicals.ts folds them.
 */

const RADICALS = new Map<string, string>();
for (let i = 0; i + 1 < RADICAL_PAIRS.length; i += 2) RADICALS.set(RADICAL_PAIRS[i]!, RADICAL_PAIRS[i + 1]!);
const RADICAL_RE = /[\u2E80-\u2FDF\u31C0-\u31EF\u3400-\u4DBF]/g;

/**
 * Text NFKC cannot change: ASCII, the unified ideographs and the CJK punctuation that has no compatibility
 * mapping. Most cells are like this, and NFKC is the mapper's hottest call, so it is skipped for them.
 */
const STABLE = /^[\x20-\x7E\u4E00-\u9FFF\u3001\u3002\u3008-\u3011\u2018\u2019\u201C\u201D\u2014\u2026\n\r\t]*$/;

/** NFKC plus the radicals NFKC leaves alone; white space of every width becomes one ASCII space. */
export function normalizeChars(s: string): string {
  if (STABLE.test(s)) return s.replace(/\t/g, ' ');
  return s
    .normalize('NFKC')
    .replace(RADICAL_RE, (ch) => RADICALS.get(ch) ?? ch)
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' ');
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/** A Han ideograph (CJK unified, extension A, compatibility): no punctuation, no full-width forms. */
export const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True when the character is a CJK ideograph or CJK punctuation (no space is wanted beside it). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Join the lines of one cell or paragraph. A label that wrapped (社会 / 公益 / 组织) or a header printed
 * one character per line (结 / 果 / 维 / 持) must come back as one word: no space between CJK characters,
 * one space between Latin words or numbers.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out && !isCjk(out[out.length - 1]) && !isCjk(line[0])) out += ' ';
    out += line;
  }
  return out;
}

/** Collapse runs of white space and trim. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
