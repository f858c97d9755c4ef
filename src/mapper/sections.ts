import { Block } from '../model';
import { SectionKey, sectionOf } from '../text/headings';

/** The prose of sections 一、五、六 (contract: `sections`), headings left out, site furniture trimmed. */

export interface Sections {
  overview: string | null;
  problems: string | null;
  other: string | null;
}

const FURNITURE = /^(?:主办单位|承办单位|网站标识码|版权所有|技术支持|联系我们|网站地图|打印本页|关闭窗口|【?打印】?|分享到|扫一扫|.*ICP备|.*公网安备)/;
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,3}\s*(?:页)?[-—–\s]*(?:共\s*\d+\s*页)?$/;

export function collectSections(blocks: readonly Block[]): { sections: Sections; seen: Set<SectionKey> } {
  const parts: Record<'overview' | 'problems' | 'other', string[]> = { overview: [], problems: [], other: [] };
  const seen = new Set<SectionKey>();
  let current: SectionKey | undefined;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const heading = sectionOf(b.text);
    if (heading) {
      current = heading;
      seen.add(heading);
      continue;
    }
    if (current !== 'overview' && current !== 'problems' && current !== 'other') continue;
    const text = b.text.trim();
    if (!text || PAGE_NUMBER.test(text) || FURNITURE.test(text)) continue;
    parts[current].push(text);
  }
  const join = (xs: string[]) => (xs.length ? xs.join('\n') : null);
  return { sections: { overview: join(parts.overview), problems: join(parts.problems), other: join(parts.other) }, seen };
}
