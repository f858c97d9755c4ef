import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Collecting the young generation between reports, so a long batch keeps the memory of a short one.
 *
 * V8 grows a thread's young generation by how much has survived its scavenges, added up over the whole run
 * (Heap::CheckNewSpaceExpansionCriteria). A scavenge that lands in the middle of a report finds that report's
 * DOM and tables alive, so over a thousand reports every worker's young generation grew to its largest (16 MB
 * semi-spaces) and the batch's peak memory with it: 147 MB for 100 HTML reports, 234 MB for 10,000. A scavenge
 * run between two reports finds next to nothing alive: it costs a fraction of a millisecond, and the young
 * generation stays as small as one report needs. Parse workers collect every 4th report (every report: 17% more
 * CPU time). The coordinator thread does not: it handles a little for every file, so over 10,000 files even what
 * survives between files added up; its young generation is held small instead (index.ts).
 *
 * `gc` is exposed the way Jest exposes it for --logHeapUsage: the flag set at run time, the function taken from
 * a fresh context. Where that is not possible the collection is skipped, and only memory is the worse for it.
 */

type Gc = (options?: { type?: 'minor' | 'major' }) => void;

let gc: Gc | null | undefined;

/** The isolate's gc function, exposed once; null where this Node does not allow it. */
export function exposedGc(): Gc | null {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const fn: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof fn === 'function' ? (fn as Gc) : null;
    } catch {
      gc = null;
    }
  }
  return gc;
}

const minor = () => exposedGc()?.({ type: 'minor' });

/** A function that collects the young generation every `every` calls. */
export function youngCollector(every: number, collect: () => void = minor): () => void {
  let n = 0;
  return () => {
    if (++n % every === 0) collect();
  };
}
