import { Block, TableBlock } from '../model';
import { SectionKey, sectionOf } from '../text/headings';
import { normLabel } from './labels';
import { looksLikeValue } from './numbers';
import { IndexedTable } from './context';

/**
 * Which of the three template tables a table is, from its own content first (a report may omit a heading or
 * put two tables under one), and from the section it sits in when its content says nothing (a table cut by a
 * page break leaves a tail of bare numbers).
 */

export type TableKind = 'active' | 'applications' | 'review';

const CUES: Record<TableKind, string[]> = {
  active: ['第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'],
  applications: ['申请人情况', '自然人', '本年新收', '上年结转', '予以公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度'],
  review: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '尚未审结', '复议后起诉', '直接起诉'],
};

function tableText(t: TableBlock): string {
  return t.rows.map((r) => r.cells.map((c) => normLabel(c.text)).join('|')).join('\n');
}

export function kindByContent(t: TableBlock): TableKind | undefined {
  const text = tableText(t);
  let best: TableKind | undefined;
  let bestHits = 0;
  for (const kind of Object.keys(CUES) as TableKind[]) {
    const hits = CUES[kind].filter((c) => text.includes(c)).length;
    if (hits > bestHits) {
      best = kind;
      bestHits = hits;
    }
  }
  return bestHits >= 2 ? best : undefined;
}

const SECTION_KIND: Partial<Record<SectionKey, TableKind>> = { active: 'active', applications: 'applications', review: 'review' };

/** Every table of the document with its kind, in reading order; tables of no kind are left out. */
export function classifyTables(blocks: readonly Block[]): Map<TableKind, IndexedTable[]> {
  const out = new Map<TableKind, IndexedTable[]>();
  let section: SectionKey | undefined;
  let previous: TableKind | undefined;
  let index = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      section = sectionOf(b.text) ?? section;
      if (b.text.trim()) previous = undefined;
      continue;
    }
    const byContent = kindByContent(b);
    const onlyValues = b.rows.every((r) => r.cells.every((c) => looksLikeValue(c.text)));
    const kind = byContent ?? (onlyValues ? previous : undefined) ?? (section ? SECTION_KIND[section] : undefined);
    if (kind) {
      const list = out.get(kind) ?? [];
      list.push({ index, block: b });
      out.set(kind, list);
    }
    previous = kind;
    index++;
  }
  return out;
}
