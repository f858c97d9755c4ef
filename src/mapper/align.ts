/**
 * Monotone alignment of printed rows to template rows (the Needleman–Wunsch idea, gaps free): each printed row
 * is matched to at most one template row, in order, maximising the summed label scores. Order settles what
 * labels alone cannot: "3.其他" under （六） and a misprinted label keep their place in the sequence.
 */
export function alignRows(score: (printed: number, template: number) => number, printed: number, template: number,
  floor: number): { pairs: [number, number][]; total: number } {
  // best[i][j]: best total aligning printed[i..] with template[j..]
  const best: number[][] = Array.from({ length: printed + 1 }, () => new Array<number>(template + 1).fill(0));
  const s = (i: number, j: number) => {
    const v = score(i, j);
    return v >= floor ? v : -Infinity;
  };
  for (let i = printed - 1; i >= 0; i--) {
    for (let j = template - 1; j >= 0; j--) {
      const row = best[i]!;
      row[j] = Math.max(best[i + 1]![j]!, row[j + 1]!, s(i, j) + best[i + 1]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < printed && j < template) {
    const here = best[i]![j]!;
    const v = s(i, j);
    if (v > -Infinity && here === v + best[i + 1]![j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (here === best[i + 1]![j]!) i++;
    else j++;
  }
  return { pairs, total: best[0]![0]! };
}
