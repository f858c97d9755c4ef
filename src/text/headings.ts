import { normalizeChars } from './normalize';
import { loadTemplates } from '../templates';

/**
 * Section headings of the report (一 … 六), found by their known wordings in extractors/sections.json.
 * A heading is short, starts with its numeral (一、 / 一. / 一 ), and its words match one of the variants.
 */

export type SectionKey = 'overview' | 'active' | 'applications' | 'review' | 'problems' | 'other';

const NUMERAL = /^\s*[（(]?\s*([一二三四五六])\s*[）)]?\s*[、.．,，:：\s]?\s*/;

export function sectionOf(line: string): SectionKey | undefined {
  const s = normalizeChars(line).trim();
  if (s.length > 60) return undefined;
  const m = NUMERAL.exec(s);
  if (!m) return undefined;
  const words = s.slice(m[0].length).replace(/[\s“”"'‘’《》<>]/g, '');
  for (const sec of loadTemplates().sections) {
    if (sec.numeral !== m[1]) continue;
    if (sec.variants.some((v) => words.startsWith(v) || (words.length >= 4 && v.startsWith(words)))) return sec.key;
  }
  return undefined;
}

export function isSectionHeading(line: string): boolean {
  return sectionOf(line) !== undefined;
}
