import { DocModel } from './model';
import { MappedReport, mapReport } from './mapper';
import { FALLBACK_COST } from './table/valueColumns';

/** Re-readings tried at most per document. */
const MAX_REREADS = 64;

const failures = (m: MappedReport) => m.checks.reduce((n, c) => n + (c.ok ? 0 : 1), 0);

/**
 * Where text positions left a table's columns in doubt (doc.rereadable) and the likeliest reading breaks the
 * report's own sums, other readings are tried: every combination where they are few, else one doubtful
 * placement at a time. The reading kept has the fewest failed checks and, among those, costs least by
 * position; one offered only for the sums (FALLBACK_COST) is kept only where every sum then holds. Positions
 * cannot tell a blank column from its neighbour; the column totals often can. The COLUMNS_GUESSED warning stays
 * either way: the choice is still inferred, and a report that misprints a total may fit a wrong reading as well
 * as the right one.
 */
export function settleReadings(doc: DocModel, mapped: MappedReport, file: string): MappedReport {
  const offered = doc.rereadable?.offered;
  if (!offered || !failures(mapped)) return mapped;
  const costOf = (choices: readonly number[]) => choices.reduce((sum, j, i) => sum + (offered[i]?.[j] ?? 0), 0);
  let best = { mapped, failed: failures(mapped), cost: 0, choices: [] as number[] };
  let budget = MAX_REREADS;
  const tryReading = (choices: number[]) => {
    budget--;
    const m = mapReport(doc.rereadable!.reread(choices), file);
    const failed = failures(m);
    const cost = costOf(choices);
    // A reading far behind by position is taken only where it makes every sum hold.
    if (cost >= FALLBACK_COST && failed > 0) return;
    if (failed < best.failed || (failed === best.failed && cost < best.cost)) best = { mapped: m, failed, cost, choices };
  };
  const combinations = offered.reduce((n, o) => n * o.length, 1);
  if (combinations - 1 <= MAX_REREADS) {
    for (let k = 1; k < combinations; k++) {
      let rest = k;
      tryReading(offered.map((o) => {
        const j = rest % o.length;
        rest = Math.floor(rest / o.length);
        return j;
      }));
    }
    return best.mapped;
  }
  for (let pass = 0; pass < 2 && best.failed && budget > 0; pass++) {
    const start = best.choices;
    offered.forEach((o, i) => {
      for (let j = 1; j < o.length && budget > 0; j++) {
        const choices = offered.map((_, c) => best.choices[c] ?? 0);
        if (choices[i] === j) continue;
        choices[i] = j;
        tryReading(choices);
      }
    });
    if (best.choices === start) break;
  }
  return best.mapped;
}
