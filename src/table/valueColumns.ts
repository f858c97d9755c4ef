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
  /** The printed line it stands on, where lines are known (layout text). */
  line?: number;
}

export interface TotalGroup {
  /** Column indexes summed by the total. */
  members: number[];
  total: number;
}

export interface PlaceHints {
  /** Centres of the K columns in this page's coordinates (a header on the same page), if known. */
  anchors?: readonly number[];
  /**
   * Centres of the K columns on another page (the header's), where this page's positions may be shifted
   * against them (pdftotext packs every page on its own): each reading is measured after the shift that
   * fits it best.
   */
  looseAnchors?: readonly number[];
  /** The header cells' left edges beside `anchors`, where positions are exact (PDF). */
  anchorLefts?: readonly number[];
  totals?: readonly TotalGroup[];
  /**
   * Rows with numbers on other pages too (a row cut by a page break, each page placed on its own): the numbers
   * here are only part of the row, so its sums say nothing about them.
   */
  partialRows?: ReadonlySet<number>;
  /** Largest gap between two numbers that still reads as one column (0 for character columns). */
  tolerance?: number;
  /**
   * What a group that prints numbers but no total costs, in column widths: high where positions are loose
   * (pdftotext), low where they are exact (PDF), so the arithmetic only breaks ties there.
   */
  missingTotalCost?: number;
  /**
   * What a sum the row's numbers break costs, in column widths; absent: all but ruled out. Where positions are exact
   * (PDF), a report's misprint is likelier than numbers read columns away from where they stand: moved there, they
   * fit the sums and hide the misprint (g281-044: three 1s taken from 行政诉讼 across to 复议后起诉 to make its
   * misprinted total of 3).
   */
  misprintCost?: number;
  /** The table has exactly K columns (a template's): numbers never make it more. */
  fixedColumns?: boolean;
  /**
   * Which of the K columns may hold a number below zero (section 二's 本年增/减); a negative number in any other
   * is all but ruled out. Absent: any column may.
   */
  signed?: readonly boolean[];
  /**
   * How far apart, in column widths, two clusters that share no row may be and still be read as one column
   * (pdftotext -layout: a row's numbers shift with its label's block); 0 or absent: never.
   */
  mergeGap?: number;
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
  /**
   * Where `guessed`: the readings that came close, best first (the first is `cols`), for the caller to weigh
   * against what positions cannot tell, such as the report's own column totals (pipeline.ts). A page fitted to
   * another page's header also offers readings far behind, guessed or not, at FALLBACK_COST and more.
   */
  alternatives?: number[][];
  /** What each alternative costs beyond the best, in column widths (0 for the first). */
  alternativeCosts?: number[];
}

/**
 * What a reading offered only for the report's sums to choose costs beyond the best (with how far behind it is):
 * the pipeline takes one only where every sum then holds (readings.ts settleReadings).
 */
export const FALLBACK_COST = 1e6;

/** How many close readings a guessed placement offers, and how far behind the best they may be (in `doubt`s). */
const ALTERNATIVES = 6;
const ALTERNATIVE_REACH = 3;
/** How many readings a page fitted to another page's header offers, however far behind (see `fallbacks`). */
const FALLBACKS = 24;
/** What reading two clusters as one column costs, in column widths (see PlaceHints.mergeGap). */
const MERGE_COST = 0.5;
/**
 * How far, on average, the numbers of a reading may stand from their header cells, in column widths, before the
 * reading is a guess though no other comes close: the header was set apart from its numbers (pdftotext packs a
 * header of one character a line, 结结其尚, tighter than the numbers under it), and positions say little.
 */
const FAR_FROM_HEADER = 1;
/**
 * How far one number may stand from its header cell, in column widths, before the reading is a guess: where the
 * header is packed tighter than the numbers only towards one side, the mean stays small while the numbers there
 * stand two columns and more from any cell (g187-058: 8 under 总计 of 未经复议直接起诉 eight characters off, and
 * the 4 and 0s of the group read one column off, silently).
 */
const FAR_ONE_FROM_HEADER = 2;

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

/** How many columns the numbers show by position alone: clusters of numbers that overlap and share no row. */
export function clusterCount(values: readonly ValuePos[], tolerance: number): number {
  return clusterValues(values, tolerance).length;
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
function arithmeticCost(at: readonly (number | null | undefined)[], totals: readonly TotalGroup[], soft: number, hard = HARD): number {
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
      if (Math.abs(sum - (total ?? 0)) > 1e-6) cost += hard;
    } else if (printed) {
      cost += Math.abs(sum) > 1e-6 ? hard : soft;
    }
  }
  return cost;
}

/** The indexes of `values` in each printed row, in the order given. */
function indexesByRow(values: readonly ValuePos[]): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  values.forEach((v, i) => (rows.get(v.row) ?? rows.set(v.row, []).get(v.row)!).push(i));
  return rows;
}

/**
 * Columns read from the rows that print a number in every one of the k columns, where no row prints more: such a
 * row's numbers are its columns in order, wherever pdftotext set them. The other rows are read against where the
 * full rows put each column (every increasing map, nearest in sum), and the placement counts as a guess.
 * Undefined where no row is full or some row prints more than k numbers (then the numbers show more columns).
 */
function placeByFullRows(values: readonly ValuePos[], k: number, partialRows?: ReadonlySet<number>): Placement | undefined {
  const rows = indexesByRow(values);
  const ordered = [...rows.entries()].map(([row, ix]) => ({ row, ix: ix.sort((a, b) => centre(values[a]!) - centre(values[b]!)) }));
  if (ordered.some((r) => r.ix.length > k)) return undefined;
  // A row whose numbers stand on more than one line may be two printed rows read as one (g97-024): not proof.
  const inEvery = (ix: readonly number[]) => ix.length === k && new Set(ix.map((i) => values[i]!.line)).size === 1;
  const full = ordered.filter((r) => inEvery(r.ix) && !partialRows?.has(r.row));
  if (!full.length) return undefined;
  const at = Array.from({ length: k }, (_, c) => full.reduce((sum, r) => sum + centre(values[r.ix[c]!]!), 0) / full.length);
  const cols = new Array<number>(values.length).fill(0);
  let guessed = false;
  for (const r of ordered) {
    if (inEvery(r.ix)) {
      r.ix.forEach((i, c) => (cols[i] = c));
      continue;
    }
    guessed = true;
    increasingNearest(r.ix.map((i) => centre(values[i]!)), at).forEach((c, j) => (cols[r.ix[j]!] = c));
  }
  return { cols, k, guessed };
}

/**
 * A template's table, which has exactly k columns, whose numbers pdftotext set too unevenly to fall into k
 * columns (０件 beside ０ and １件 across section 三, every row set its own way, g293-016): each row's numbers on
 * the header's cells in order, nearest in sum, a guess. Its header on another page: its cells stretched to where the
 * page's numbers stand. Undefined where the table's columns are not fixed or a row prints more than k numbers.
 */
function placeOnRuler(values: readonly ValuePos[], k: number, hints: PlaceHints): Placement | undefined {
  const ruler = hints.anchors ?? hints.looseAnchors;
  if (!hints.fixedColumns || ruler?.length !== k || k < 2) return undefined;
  const rows = indexesByRow(values);
  if ([...rows.values()].some((ix) => ix.length > k)) return undefined;
  let at = ruler;
  if (!hints.anchors) {
    const xs = values.map(centre);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    const [a0, a1] = [ruler[0]!, ruler[k - 1]!];
    at = ruler.map((a) => lo + ((a - a0) * (hi - lo)) / (a1 - a0 || 1));
  }
  const cols = new Array<number>(values.length).fill(0);
  for (const ix of rows.values()) {
    ix.sort((a, b) => centre(values[a]!) - centre(values[b]!));
    increasingNearest(ix.map((i) => centre(values[i]!)), at).forEach((c, j) => (cols[ix[j]!] = c));
  }
  return { cols, k, guessed: true };
}

/** The increasing map of sorted positions `xs` onto columns at `at` that puts them nearest in sum. */
export function increasingNearest(xs: readonly number[], at: readonly number[]): number[] {
  const n = xs.length;
  const k = at.length;
  // cost[j][c]: the best for xs[0..j] with xs[j] in column c.
  const cost = xs.map(() => new Array<number>(k).fill(Infinity));
  const from = xs.map(() => new Array<number>(k).fill(-1));
  for (let j = 0; j < n; j++) {
    let best = Infinity;
    let arg = -1;
    for (let c = j; c <= k - (n - j); c++) {
      if (j > 0 && cost[j - 1]![c - 1]! < best) {
        best = cost[j - 1]![c - 1]!;
        arg = c - 1;
      }
      cost[j]![c] = (j === 0 ? 0 : best) + Math.abs(xs[j]! - at[c]!);
      from[j]![c] = arg;
    }
  }
  const out = new Array<number>(n).fill(0);
  let c = cost[n - 1]!.indexOf(Math.min(...cost[n - 1]!));
  for (let j = n - 1; j >= 0; j--) {
    out[j] = c;
    c = from[j]![c]!;
  }
  return out;
}

/**
 * How much nearer the header's columns, in column widths summed over a page's numbers, a reading that merges or
 * skips columns must be than reading as many clusters as columns in order, to be taken instead. (Measured on the
 * held-out sets: from 4 to 8 the same documents change, all for the better; at 3 and less some get worse.)
 */
const RECHECK_MARGIN = 6;

/**
 * True when positions `xs` stand as `at` do after stretching and shifting (least squares), each within
 * LINEAR_FIT of their mean spacing: the same columns, packed to another width.
 */
function linearly(xs: readonly number[], at: readonly number[]): boolean {
  const n = xs.length;
  if (n < 3 || at.length !== n) return false;
  const fit = fitLine(at, xs);
  const gap = (xs[n - 1]! - xs[0]!) / (n - 1);
  if (!fit || fit.slope < MIN_STRETCH || fit.slope > 1 / MIN_STRETCH || gap <= 0) return false;
  return xs.every((x, i) => Math.abs(x - fit.at(at[i]!)) <= LINEAR_FIT * gap);
}

/** The least-squares line from positions `at` to `xs`: its slope, and where it sets a position; none where `at` are one. */
function fitLine(at: readonly number[], xs: readonly number[]): { slope: number; at: (a: number) => number } | undefined {
  const n = xs.length;
  const ma = at.reduce((s, v) => s + v, 0) / n;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const saa = at.reduce((s, v) => s + (v - ma) ** 2, 0);
  if (!saa) return undefined;
  const slope = at.reduce((s, v, i) => s + (v - ma) * (xs[i]! - mx), 0) / saa;
  return { slope, at: (a) => mx + slope * (a - ma) };
}

/**
 * How far from the stretched header a column may stand, in column gaps; how much a header may be stretched.
 * (Measured on the held-out sets: from 0.3 to 0.5 the same documents change, all for the better; at 0.2 one fewer.)
 */
const LINEAR_FIT = 0.3;
const MIN_STRETCH = 0.5;

export function placeValues(values: readonly ValuePos[], k: number, hints: PlaceHints = {}): Placement {
  return place(values, k, hints, false);
}

/** `search`: search the readings even where there are as many clusters as columns. */
function place(values: readonly ValuePos[], k: number, hints: PlaceHints, search: boolean): Placement {
  if (!values.length) return { cols: [], k, guessed: false };
  let clusters = clusterValues(values, hints.tolerance ?? 0);
  // More clusters than columns: against a header on the same page, the search below merges them where the
  // header's positions say (a wrapped label's row sets its number a few characters left); else nearest first.
  const merging = clusters.length > k && hints.anchors?.length === k && (hints.mergeGap ?? 0) > 0;
  if (clusters.length > k && !merging) clusters = mergeDown(clusters, k);
  // Still more clusters than columns: on a page without its header, pdftotext may set each row's numbers its own
  // way (packed against that row's long label), so that no column lines up (g127-002, a last page). Where rows
  // print a number in every column and none prints more, they give the columns in order.
  if (clusters.length > k && !merging && !search) {
    const byRows = placeByFullRows(values, k, hints.partialRows) ?? placeOnRuler(values, k, hints);
    if (byRows) return byRows;
  }
  const kk = merging ? k : Math.max(k, clusters.length);
  const cols = new Array<number>(values.length).fill(0);
  if (clusters.length === kk && !search) {
    clusters.forEach((c, ci) => c.members.forEach((i) => (cols[i] = ci)));
    const inOrder = { cols, k: kk, guessed: false };
    // As many clusters as columns are the columns in order, unless the header on the page says otherwise by far:
    // a row set a few characters left (its label wraps) makes a cluster of its own while a column stands empty,
    // and every column after it would be read one to the right (g97-049, g83-056: 35 and 27 fields).
    const a = hints.anchors;
    if (!a || a.length !== kk || !(hints.mergeGap ?? 0)) return inOrder;
    const spacing = (a[kk - 1]! - a[0]!) / Math.max(1, kk - 1);
    // (Nor where the clusters stand as the header's cells do, only wider or narrower apart: pdftotext packs a header
    // and its numbers each on their own, g241-047's numbers half as wide apart again as 自然人 商业 科研 … 总计. A
    // first cluster left of the first cell is no such column: the row set left, g113-010.)
    if (centre(clusters[0]!) >= a[0]! - spacing / 2 && linearly(clusters.map(centre), a)) return inOrder;
    const far = (cs: readonly number[]) => values.reduce((sum, v, i) => sum + Math.abs(centre(v) - a[cs[i]!]!), 0);
    // No reading beats every number at its nearest column: where even that is not far enough ahead, no search.
    const nearest = values.reduce((sum, v) => sum + Math.min(...a.map((x) => Math.abs(centre(v) - x))), 0);
    if (nearest + RECHECK_MARGIN * spacing >= far(cols)) return inOrder;
    const other = place(values, k, hints, true);
    const differs = other.cols.some((c, i) => c !== cols[i]);
    return differs && far(other.cols) + RECHECK_MARGIN * spacing < far(cols) ? other : inOrder;
  }

  const anchors = hints.anchors && hints.anchors.length === kk ? hints.anchors : undefined;
  const totals = hints.totals ?? [];
  const loose = !anchors && hints.looseAnchors && hints.looseAnchors.length === kk ? hints.looseAnchors : undefined;
  const ruler = anchors ?? loose;
  const spacing = ruler && ruler.length > 1 ? (ruler[ruler.length - 1]! - ruler[0]!) / (ruler.length - 1) : 1;
  const soft = (hints.missingTotalCost ?? 1) * spacing;
  const hard = hints.misprintCost !== undefined ? hints.misprintCost * spacing : HARD;
  const m = clusters.length;
  // geo[ci][c]: what putting cluster ci in column c costs by position.
  // With the header cells' left edges (PDF), a number set flush left in its cell (under 结果维持 of a wide cell)
  // is as near its column as one set centred: the nearer of the two counts.
  const lefts = anchors && hints.anchorLefts?.length === kk ? hints.anchorLefts : undefined;
  const distance = (v: ValuePos, c: number) =>
    Math.min(Math.abs(centre(v) - anchors![c]!), lefts ? Math.abs(v.x - lefts[c]!) : Infinity);
  // A negative number only where its column may go below zero: a lone −8 at the head of a page without its header
  // fits any column by a shift, and only its sign says 本年增/减 (g289-002).
  const signed = hints.signed?.length === kk ? hints.signed : undefined;
  const negatives = clusters.map((cl) => cl.members.filter((i) => (values[i]!.value ?? 0) < 0).length);
  const geo = clusters.map((cl, ci) => Array.from({ length: kk }, (_, c) =>
    (anchors ? cl.members.reduce((sum, i) => sum + distance(values[i]!, c), 0) : 0) +
    (signed && !signed[c] ? negatives[ci]! * HARD : 0)));
  // The cheapest a cluster can cost from a column on: a bound for cutting the search short.
  const floor = geo.map((g) => g.map((_, c) => Math.min(...g.slice(c))));
  const rows = [...new Set(values.map((v) => v.row))].filter((r) => !hints.partialRows?.has(r));
  const rowValues = rows.map((r) => clusters.map((cl) => cl.members.find((i) => values[i]!.row === r)));

  // Every increasing map of the clusters onto the columns, depth first, cut where it cannot beat the
  // ALTERNATIVES best readings found so far by more than the margin of doubt.
  // Loose anchors fit a page only roughly (pdftotext packs each line's cells on their own): doubt doubles.
  const margin = Math.max(1e-9, (hints.doubt ?? 0) * spacing * (loose ? 2 : 1));
  const reach = ALTERNATIVE_REACH * margin;
  const ranked: { cost: number; map: number[] }[] = [];
  // (A page fitted to another page's header keeps its best readings however far behind: see `fallbacks` below.)
  const kept = loose ? FALLBACKS : ALTERNATIVES;
  const cutoff = () => {
    const bestCost = ranked[0]?.cost ?? Infinity;
    const nth = ranked.length >= kept ? ranked[kept - 1]!.cost : Infinity;
    return Math.min(loose ? Infinity : bestCost + reach, nth);
  };
  const map = new Array<number>(m).fill(0);
  const at = new Array<number | null | undefined>(kk);
  // With loose anchors: how far the numbers stand from their columns after the best shift (the median one).
  const offsets = new Array<number>(values.length).fill(0);
  const shiftCost = () => {
    let n = 0;
    clusters.forEach((cl, ci) => cl.members.forEach((i) => (offsets[n++] = loose![map[ci]!]! - centre(values[i]!))));
    const sorted = offsets.slice(0, n).sort((a, b) => a - b);
    const median = sorted[n >> 1]!;
    const shifted = sorted.reduce((sum, d) => sum + Math.abs(d - median), 0);
    return Math.min(shifted, stretchCost());
  };
  // (Or after the best stretch and shift, least squares over the clusters, within a quarter either way: a page
  // without its header that pdftotext set narrower or wider than the header's page, g277-046. Only where at most one
  // column stands empty: with more, a stretch fits too many readings, as section 四's zeros in
  // tests/fixtures/layout/glued-number-2021.)
  const centres = clusters.map(centre);
  const stretchCost = () => {
    if (m < 3 || m < kk - 1) return Infinity;
    const fit = fitLine(map.map((c) => loose![c]!), centres);
    if (!fit || fit.slope < 0.75 || fit.slope > 1.25) return Infinity;
    let cost = 0;
    clusters.forEach((cl, ci) => cl.members.forEach((i) => (cost += Math.abs(fit.at(loose![map[ci]!]!) - centre(values[i]!)))));
    return cost;
  };
  const leaf = (cost: number) => {
    if (loose) {
      cost += shiftCost();
      if (cost > cutoff()) return;
    }
    if (totals.length) {
      for (const rv of rowValues) {
        at.fill(undefined);
        rv.forEach((i, ci) => i !== undefined && (at[map[ci]!] = values[i]!.value));
        cost += arithmeticCost(at, totals, soft, hard);
        if (cost > cutoff()) return;
      }
    }
    if (cost > cutoff()) return;
    let pos = ranked.length;
    while (pos > 0 && ranked[pos - 1]!.cost > cost) pos--;
    ranked.splice(pos, 0, { cost, map: [...map] });
    const limit = cutoff();
    while (ranked.length > kept || (ranked.length > 1 && ranked[ranked.length - 1]!.cost > limit)) ranked.pop();
  };
  // Neighbouring clusters that share no row may be one column after all, where the caller allows it
  // (pdftotext sets a row's numbers a few characters off when its label wraps), at a price.
  // (Only against a header on the same page: a page fitted by a shift finds a merge too cheaply.)
  const mergeGap = anchors && hints.mergeGap ? hints.mergeGap * spacing : 0;
  const joinable = clusters.map((cl, ci) => ci > 0 && mergeGap > 0 && cl.x - clusters[ci - 1]!.x2 <= mergeGap);
  const anyJoin = joinable.some(Boolean);
  const mergeCost = MERGE_COST * spacing;
  const fitsWith = (ci: number) => {
    for (let j = ci - 1; j >= 0 && map[j] === map[ci - 1]; j--) {
      for (const r of clusters[ci]!.rows) if (clusters[j]!.rows.has(r)) return false;
    }
    return true;
  };
  const walk = (ci: number, from: number, cost: number) => {
    if (ci === m) return leaf(cost);
    let bound = cost;
    for (let j = ci; j < m; j++) bound += floor[j]![Math.min(kk - 1, anyJoin ? Math.max(0, from - 1) : from + (j - ci))]!;
    if (bound > cutoff()) return;
    if (joinable[ci] && fitsWith(ci)) {
      const c = map[ci - 1]!;
      map[ci] = c;
      walk(ci + 1, c + 1, cost + geo[ci]![c]! + mergeCost);
    }
    for (let c = from; c <= (anyJoin ? kk - 1 : kk - (m - ci)); c++) {
      map[ci] = c;
      walk(ci + 1, c + 1, cost + geo[ci]![c]!);
    }
  };
  walk(0, 0, 0);
  const colsOf = (mp: readonly number[]) => {
    const out = new Array<number>(values.length).fill(0);
    clusters.forEach((c, ci) => c.members.forEach((i) => (out[i] = mp[ci]!)));
    return out;
  };
  // No way to merge them as the search may: nearest first after all.
  if (!ranked.length) return place(values, k, { ...hints, mergeGap: 0 }, false);
  const best = ranked[0]!;
  const close = ranked.filter((r) => r.cost - best.cost <= margin);
  // A page without its header, fitted to the header's page, offers its next best readings however far behind, for
  // the report's sums to choose only where the best breaks them: pdftotext may pack such a page's columns unevenly,
  // the left ones near as set and the right ones half as wide apart, so that no shift or stretch fits (g273-007).
  // Such a reading costs FALLBACK_COST more: the sums must then hold throughout (readings.ts).
  const behind = (r: { cost: number }) => (r.cost - best.cost) / spacing;
  const fallbacks = loose && ranked.length > 1
    ? { alternatives: ranked.map((r) => colsOf(r.map)), alternativeCosts: ranked.map((r, i) => (i ? FALLBACK_COST : 0) + behind(r)) }
    : {};
  if (close.length < 2) {
    const drift = anchors ? clusters.reduce((sum, _, ci) => sum + geo[ci]![best.map[ci]!]!, 0) / values.length / spacing : 0;
    const cols = colsOf(best.map);
    const worst = anchors ? Math.max(...values.map((v, i) => distance(v, cols[i]!))) / spacing : 0;
    return { cols, k: kk, guessed: drift > FAR_FROM_HEADER || worst > FAR_ONE_FROM_HEADER, ...fallbacks };
  }
  // A reading as likely by position and sums as the best: the others within reach go along, best first.
  const near = ranked.filter((r) => r.cost - best.cost <= reach);
  const far = loose ? ranked.filter((r) => r.cost - best.cost > reach) : [];
  const alternatives = [...near, ...far].map((r) => colsOf(r.map));
  const alternativeCosts = [...near.map(behind), ...far.map((r) => FALLBACK_COST + behind(r))];
  return { cols: alternatives[0]!, k: kk, guessed: true, alternatives, alternativeCosts };
}

/**
 * Which of each guessed placement's readings to take, in the order the reconstructor meets them, and how many
 * each offered: the pipeline reads a document again with other choices when the report's own totals say the
 * likeliest reading was wrong (pipeline.ts `settleReadings`).
 */
export class Readings {
  /** For each guessed placement, in the order met: what each of its readings costs beyond the likeliest. */
  readonly offered: number[][] = [];

  constructor(private readonly choices: readonly number[] = []) {}

  private changedAny = false;

  /** The reading to take at the next guessed placement, of readings costing `costs` beyond the likeliest. */
  pick(costs: readonly number[]): number {
    const taken = Math.min(this.choices[this.offered.length] ?? 0, costs.length - 1);
    this.offered.push([...costs]);
    if (taken > 0) this.changedAny = true;
    return taken;
  }

  /** True when some reading other than the likeliest was taken. */
  get changed(): boolean {
    return this.changedAny;
  }
}
