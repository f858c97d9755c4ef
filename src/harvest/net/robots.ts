/**
 * robots.txt as RFC 9309 reads it: the groups whose user-agent names our product token (else the `*` groups),
 * merged; the longest matching Allow/Disallow pattern wins and Allow wins a tie; `*` matches any run of
 * characters and a final `$` anchors the end. Crawl-delay, not in the RFC but common, is read too.
 */

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

export interface Robots {
  allowed(pathAndQuery: string): boolean;
  /** Seconds between requests the site asks for, if it does. */
  crawlDelay?: number;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encodes what a path may hold unencoded in robots.txt (UTF-8 paths such as /年报/), so both sides compare alike. */
function normalisePath(p: string): string {
  return p.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

export function parseRobots(text: string, product: string): Robots {
  const token = product.toLowerCase();
  type Group = { agents: string[]; rules: Rule[]; delay?: number };
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value) {
      const pattern = normalisePath(value);
      current.rules.push({ allow: key === 'allow', pattern, re: compile(pattern) });
    } else if (key === 'crawl-delay' && /^\d+(\.\d+)?$/.test(value)) current.delay = Number(value);
  }
  const ours = groups.filter((g) => g.agents.some((a) => a === token || a.startsWith(`${token}/`)));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== undefined);
  return {
    crawlDelay: delays.length ? Math.max(...delays) : undefined,
    allowed(pathAndQuery: string): boolean {
      const p = normalisePath(pathAndQuery);
      if (p === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const r of rules) {
        if (!r.re.test(p)) continue;
        const longer = !best || r.pattern.length > best.pattern.length;
        const tieAllow = best && r.pattern.length === best.pattern.length && r.allow && !best.allow;
        if (longer || tieAllow) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

/** A host whose robots.txt is missing (4xx) may be crawled whole. */
export const ALLOW_ALL: Robots = { allowed: () => true };
