/**
 * A function of one string, remembered: labels and numbers recur in every report of a batch ("0" thousands of times).
 * At most `limit` answers are kept, and all are dropped when that is reached: enough for everything the templates
 * print, while free text cannot make a long batch grow (each worker thread keeps its own).
 */
export const MEMO_LIMIT = 4096;

export function memoize<T extends NonNullable<unknown>>(fn: (s: string) => T, limit = MEMO_LIMIT): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined) {
      v = fn(s);
      if (memo.size >= limit) memo.clear();
      memo.set(s, v);
    }
    return v;
  };
}
