/**
 * Which column each number of a borderless table belongs to, from positions alone (PDF text without ruling lines,
 * pdftotext -layout text). Numbers of one page that line up form clusters; clusters are laid on the table's K
 * columns in order. Where a page holds fewer clusters than columns, the gaps are placed by the header's
 * positions when the header is on the same page, by the table's own arithmetic (a 总计 column is the sum of the
 * columns it totals; a group that prints numbers prints its total), and only then by nearness.
 *
 * pdftotext -layout packs text blocks left to right with three spaces between them (poppler's
 * `col = prev.col + prev.nColumns + 3`), so on a page where a column holds no number nothing says which column
 * is missing; a placement that rests on that guess is reported as `guessed`.
 */

export interface ValuePos {
  /** Which printed row the number belongs to. */
  row: number;
  x: number;
  x2: number;
  /** The number as printed, for the arithmetic. */
  value: number | null;
}

export interface TotalGroup {
  /** Column indexes summed by the total. */
  members: number[];
  total: number;
}

export interface PlaceHints {
  /** Centres of the K columns in this page's coordinates (a header on the same page), if known. */
  anchors?: readonly number[];
  totals?: readonly TotalGroup[];
  /** Largest gap between two numbers that still reads as one column (0 for character columns). */
  tolerance?: number;
  /**
   * What a group that prints numbers but no total costs, in column widths: high where positions are loose
   * (pdftotext), low where they are exact (PDF), so the arithmetic only breaks ties there.
   */
  missingTotalCost?: number;
}

export interface Placement {
  /** Column of each value, in the order given. */
  cols: number[];
  /** The column count after placing: more than asked when the numbers show more columns. */
  k: number;
  /** True when the numbers fitted the columns in more than one way and one was chosen. */
  guessed: boolean;
}

interface Cluster {
  x: number;
  x2: number;
  members: number[];
  rows: Set<number>;
}

const centre = (v: { x: number; x2: number }) => (v.x + v.x2) / 2;

function clusterValues(values: readonly ValuePos[], tolerance: number): Cluster[] {
  const order = values.map((_, i) => i).sort((a, b) => centre(values[a]!) - centre(values[b]!));
  const clusters: Cluster[] = [];
  for (const i of order) {
    const v = values[i]!;
    const last = clusters[clusters.length - 1];
    if (last && v.x < last.x2 + tolerance && !last.rows.has(v.row)) {
      last.x = Math.min(last.x, v.x);
      last.x2 = Math.max(last.x2, v.x2);
      last.members.push(i);
      last.rows.add(v.row);
    } else {
      clusters.push({ x: v.x, x2: v.x2, members: [i], rows: new Set([v.row]) });
    }
  }
  return clusters;
}

/** Merge neighbouring clusters that never share a row, closest first, until k remain. */
function mergeDown(clusters: Cluster[], k: number): Cluster[] {
  const cs = [...clusters];
  while (cs.length > k) {
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i + 1 < cs.length; i++) {
      const a = cs[i]!;
      const b = cs[i + 1]!;
      if ([...a.rows].some((r) => b.rows.has(r))) continue;
      const gap = b.x - a.x2;
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    if (best < 0) break;
    const a = cs[best]!;
    const b = cs[best + 1]!;
    cs.splice(best, 2, { x: Math.min(a.x, b.x), x2: Math.max(a.x2, b.x2), members: [...a.members, ...b.members],
      rows: new Set([...a.rows, ...b.rows]) });
  }
  return cs;
}

/** Every increasing map of m clusters onto k columns. */
function* injections(m: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === m) {
    yield prefix;
    return;
  }
  for (let c = start; c <= k - (m - prefix.length); c++) yield* injections(m, k, c + 1, [...prefix, c]);
}

const HARD = 1e6;

/** Cost of a row's numbers under the totals: a sum that fails is all but ruled out; a group without its total costs `soft`. */
function arithmeticCost(byCol: Map<number, number | null>, totals: readonly TotalGroup[], soft: number): number {
  let cost = 0;
  for (const g of totals) {
    const printed = g.members.filter((c) => byCol.has(c));
    const sum = printed.reduce((s, c) => s + (byCol.get(c) ?? 0), 0);
    if (byCol.has(g.total)) {
      if (Math.abs(sum - (byCol.get(g.total) ?? 0)) > 1e-6) cost += HARD;
    } else if (printed.length) {
      cost += Math.abs(sum) > 1e-6 ? HARD : soft;
    }
  }
  return cost;
}

export function placeValues(values: readonly ValuePos[], k: number, hints: PlaceHints = {}): Placement {
  if (!values.length) return { cols: [], k, guessed: false };
  let clusters = clusterValues(values, hints.tolerance ?? 0);
  if (clusters.length > k) clusters = mergeDown(clusters, k);
  const kk = Math.max(k, clusters.length);
  const cols = new Array<number>(values.length).fill(0);
  if (clusters.length === kk) {
    clusters.forEach((c, ci) => c.members.forEach((i) => (cols[i] = ci)));
    return { cols, k: kk, guessed: false };
  }

  const anchors = hints.anchors && hints.anchors.length === kk ? hints.anchors : undefined;
  const totals = hints.totals ?? [];
  const spacing = anchors && anchors.length > 1 ? (anchors[anchors.length - 1]! - anchors[0]!) / (anchors.length - 1) : 1;
  const rows = [...new Set(values.map((v) => v.row))];
  let best: { cost: number; map: number[] } | undefined;
  let ties = 0;
  for (const map of injections(clusters.length, kk)) {
    let cost = 0;
    if (anchors) {
      clusters.forEach((c, ci) => {
        for (const i of c.members) cost += Math.abs(centre(values[i]!) - anchors[map[ci]!]!);
      });
    }
    if (totals.length) {
      for (const r of rows) {
        const byCol = new Map<number, number | null>();
        clusters.forEach((c, ci) => c.members.forEach((i) => values[i]!.row === r && byCol.set(map[ci]!, values[i]!.value)));
        cost += arithmeticCost(byCol, totals, (hints.missingTotalCost ?? 1) * spacing);
      }
    }
    if (!best || cost < best.cost - 1e-9) {
      best = { cost, map: [...map] };
      ties = 0;
    } else if (Math.abs(cost - best.cost) <= 1e-9) ties++;
  }
  const map = best!.map;
  clusters.forEach((c, ci) => c.members.forEach((i) => (cols[i] = map[ci]!)));
  return { cols, k: kk, guessed: ties > 0 };
}
