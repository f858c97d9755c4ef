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
  /**
   * How much worse, in column widths, the next best reading must be for the placement not to count as a
   * guess: 0 where positions are exact (PDF), more where they are not (pdftotext).
   */
  doubt?: number;
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

const HARD = 1e6;

/**
 * Cost of a row's numbers under the totals: a sum that fails is all but ruled out; a group without its total
 * costs `soft`. `at[c]` is the row's number in column c, undefined where it prints none.
 */
function arithmeticCost(at: readonly (number | null | undefined)[], totals: readonly TotalGroup[], soft: number): number {
  let cost = 0;
  for (const g of totals) {
    let printed = 0;
    let sum = 0;
    for (const c of g.members) {
      if (at[c] === undefined) continue;
      printed++;
      sum += at[c] ?? 0;
    }
    const total = at[g.total];
    if (total !== undefined) {
      if (Math.abs(sum - (total ?? 0)) > 1e-6) cost += HARD;
    } else if (printed) {
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
  const soft = (hints.missingTotalCost ?? 1) * spacing;
  const m = clusters.length;
  // geo[ci][c]: what putting cluster ci in column c costs by position.
  const geo = clusters.map((cl) => Array.from({ length: kk }, (_, c) =>
    anchors ? cl.members.reduce((sum, i) => sum + Math.abs(centre(values[i]!) - anchors[c]!), 0) : 0));
  // The cheapest a cluster can cost from a column on: a bound for cutting the search short.
  const floor = geo.map((g) => g.map((_, c) => Math.min(...g.slice(c))));
  const rows = [...new Set(values.map((v) => v.row))];
  const rowValues = rows.map((r) => clusters.map((cl) => cl.members.find((i) => values[i]!.row === r)));

  // Every increasing map of the clusters onto the columns, depth first, cut where it cannot beat the best.
  let best = Infinity;
  let second = Infinity;
  let bestMap: number[] = [];
  const margin = Math.max(1e-9, (hints.doubt ?? 0) * spacing);
  const map = new Array<number>(m).fill(0);
  const at = new Array<number | null | undefined>(kk);
  const leaf = (cost: number) => {
    if (totals.length) {
      for (const rv of rowValues) {
        at.fill(undefined);
        rv.forEach((i, ci) => i !== undefined && (at[map[ci]!] = values[i]!.value));
        cost += arithmeticCost(at, totals, soft);
        if (cost > second + margin) return;
      }
    }
    if (cost < best) {
      second = best;
      best = cost;
      bestMap = [...map];
    } else if (cost < second) second = cost;
  };
  const walk = (ci: number, from: number, cost: number) => {
    if (ci === m) return leaf(cost);
    let bound = cost;
    for (let j = ci; j < m; j++) bound += floor[j]![Math.min(kk - 1, from + (j - ci))]!;
    if (bound > second + margin) return;
    for (let c = from; c <= kk - (m - ci); c++) {
      map[ci] = c;
      walk(ci + 1, c + 1, cost + geo[ci]![c]!);
    }
  };
  walk(0, 0, 0);
  clusters.forEach((c, ci) => c.members.forEach((i) => (cols[i] = bestMap[ci]!)));
  return { cols, k: kk, guessed: second - best <= margin };
}
