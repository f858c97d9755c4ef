'use strict';
// Random but plausible report data: the agency, the year and every number of the three tables, consistent
// by construction (一+二 = 三（七）+四, （七）= sum of the result rows, 总计 = sum of the six columns,
// 四's 总计 = sum of its four). Blanks (null) only ever stand for zeros, so they never break a sum;
// the deliberate slip (one total printed wrong) is applied afterwards by applySlip().

const M = require('./model');
const { drawAgency } = require('./agencies');

// how often each result row gets an application, by applicant column
const RESULT_WEIGHTS = {
  'results.granted': 34,
  'results.partiallyGranted': 7,
  'results.denied.stateSecret': 0.4,
  'results.denied.lawProhibited': 1,
  'results.denied.threeSecurityOneStability': 0.5,
  'results.denied.thirdPartyRights': 1.2,
  'results.denied.internalAffairs': 1,
  'results.denied.processInfo': 2,
  'results.denied.enforcementFiles': 1,
  'results.denied.adminQuery': 2,
  'results.unableToProvide.notHeld': 24,
  'results.unableToProvide.needsCreation': 4,
  'results.unableToProvide.unclearAfterCorrection': 3,
  'results.notProcessed.complaint': 3,
  'results.notProcessed.duplicate': 3,
  'results.notProcessed.publication': 0.5,
  'results.notProcessed.massRepetitive': 1,
  'results.notProcessed.confirmOrReissue': 2,
  'results.otherHandling.overdueCorrection': 4,
  'results.otherHandling.overdueFee': 0.3,
  'results.otherHandling.other': 5,
  'results.otherHandling': 9,
};
// share of each applicant column in a report's applications
const COL_SHARE = { naturalPerson: 80, commercial: 12, research: 0.7, socialWelfare: 0.8, legalService: 3.5, otherOrg: 3 };

/** n items spread over categories with the given weights (multinomial, drawn one by one for small n). */
function spread(rng, n, weights) {
  const keys = Object.keys(weights);
  const out = Object.fromEntries(keys.map((k) => [k, 0]));
  const pairs = keys.map((k) => [k, weights[k]]);
  if (n > 3000) {
    // big counts: proportional split with noise, remainder to the heaviest key
    let left = n;
    for (const k of keys) {
      const w = weights[k] / pairs.reduce((s, [, x]) => s + x, 0);
      const v = Math.max(0, Math.min(left, Math.round(n * w * (0.8 + 0.4 * rng.next()))));
      out[k] = v;
      left -= v;
    }
    out[pairs.reduce((a, b) => (b[1] > a[1] ? b : a))[0]] += left;
    return out;
  }
  for (let i = 0; i < n; i++) out[rng.weighted(pairs)] += 1;
  return out;
}

function drawApplications(rng, version, single, scale) {
  const [lo, hi] = scale;
  // about one small report in six received nothing at all
  const zero = lo === 0 && rng.chance(0.18);
  const total = zero ? 0 : lo === 0 ? rng.logInt(1, hi) - 1 + (rng.chance(0.5) ? 1 : 0) : rng.logInt(lo, hi);
  const colShare = { ...COL_SHARE };
  // some bodies see few companies, some many
  colShare.commercial *= [0.2, 1, 3][rng.int(0, 2)];
  const newBy = spread(rng, total, colShare);
  const rows = M.appRows(version, single).map(([r]) => r);
  const leaves = rows.filter((r) => r.startsWith('results.') && r !== 'results.total');
  const weights = {};
  for (const r of leaves) weights[r] = RESULT_WEIGHTS[r] * (rng.chance(0.25) ? 0 : 0.5 + rng.next());
  if (Object.values(weights).every((w) => w === 0)) weights['results.granted'] = 1;
  const carryRate = rng.chance(0.45) ? 0 : rng.next() * 0.12;
  const app = {};
  const put = (r, c, v) => { (app[r] = app[r] || {})[c] = v; };
  for (const c of M.ORG_COLS) {
    const nNew = newBy[c];
    const nOver = carryRate ? Math.round(nNew * carryRate * rng.next() * 1.5) : 0;
    const nForward = carryRate ? Math.min(nNew + nOver, Math.round((nNew + nOver) * carryRate * rng.next() * 1.5)) : 0;
    const done = nNew + nOver - nForward;
    const res = spread(rng, done, weights);
    put('newReceived', c, nNew);
    put('carriedOver', c, nOver);
    for (const r of leaves) put(r, c, res[r]);
    put('results.total', c, done);
    put('carriedForward', c, nForward);
  }
  for (const r of rows) app[r].total = M.ORG_COLS.reduce((s, c) => s + app[r][c], 0);
  const nested = {};
  for (const r of rows) for (const c of M.COLS) M.put(nested, `${r}.${c}`, app[r][c]);
  return nested;
}

function drawReview(rng, appTotal) {
  const out = {};
  const base = Math.max(0, Math.round(appTotal * (0.02 + rng.next() * 0.08)));
  for (const [g] of M.REVIEW_GROUPS) {
    const n = g === 'review' ? base : Math.round(base * rng.next() * (g === 'litigationDirect' ? 0.7 : 0.4));
    const s = spread(rng, n, { upheld: 6, corrected: 1 + rng.next() * 2, other: 1.5, pending: 1.5 });
    out[g] = { ...s, total: n };
  }
  return out;
}

function money(rng, max, decimals) {
  const v = rng.logInt(1, max) + (decimals ? rng.int(0, 10 ** decimals - 1) / 10 ** decimals : 0);
  return Math.round(v * 100) / 100;
}

function drawActive(rng, version, kind) {
  const makesRules = kind === 'provinceGov' || kind === 'cityGov';
  const big = ['provinceGov', 'cityGov', 'provinceDept', 'cityDept'].includes(kind);
  const small = (max) => (rng.chance(0.35) ? 0 : rng.int(0, max));
  const count = (max) => (rng.chance(0.3) ? 0 : rng.logInt(1, max));
  const a = {};
  if (version === '2021') {
    a.regulations = makesRules
      ? { issued: small(12), repealed: small(6), inForce: rng.int(20, 300) }
      : { issued: 0, repealed: 0, inForce: rng.chance(0.7) ? 0 : small(30) };
    a.normativeDocuments = { issued: small(big ? 40 : 10), repealed: small(big ? 25 : 6), inForce: count(big ? 600 : 60) };
    a.licensing = { decisions: count(big ? 90000 : 3000) };
    a.punishment = { decisions: count(big ? 200000 : 2000) };
    a.coercion = { decisions: count(big ? 8000 : 300) };
    a.fees = { amount: rng.chance(0.45) ? 0 : money(rng, big ? 120000 : 800, rng.pick([0, 1, 2])) };
  } else {
    const made = (max) => { const m = small(max); return { newlyMade: m, newlyPublished: m + small(3), totalPublished: m + count(big ? 600 : 80) }; };
    a.regulations = makesRules ? made(10) : { newlyMade: 0, newlyPublished: 0, totalPublished: rng.chance(0.7) ? 0 : small(30) };
    a.normativeDocuments = made(big ? 40 : 10);
    const items = () => ({ previousYear: count(big ? 600 : 80), change: rng.chance(0.5) ? 0 : rng.int(-15, 15), decisions: count(big ? 150000 : 3000) });
    a.licensing = items();
    a.otherServices = items();
    a.punishment = items();
    a.coercion = items();
    a.fees = { previousYear: count(big ? 300 : 20), change: rng.chance(0.6) ? 0 : rng.int(-8, 8) };
    const unit = rng.chance(0.5) ? '元' : '万元';
    const projects = rng.chance(0.3) ? 0 : rng.logInt(1, big ? 400 : 40);
    a.procurement = {
      projects,
      amount: projects === 0 ? 0 : unit === '元' ? money(rng, big ? 90000000 : 3000000, rng.pick([0, 2])) : money(rng, big ? 9000 : 300, rng.pick([0, 1, 2, 4])),
      amountUnit: unit,
    };
  }
  return a;
}

/** One report's true data (numbers consistent, zeros not yet blanked). */
function drawReport(rng, opts) {
  const ag = drawAgency(rng);
  const year = opts.year;
  const version = year >= 2021 ? '2021' : '2019';
  const single = version === '2019' ? true : opts.singleOther;
  const applications = drawApplications(rng, version, single, ag.scale);
  const appTotal = applications.newReceived.total;
  return {
    ...ag,
    year,
    version,
    singleOther: single,
    activeDisclosure: drawActive(rng, version, ag.kind),
    applications,
    reviewLitigation: drawReview(rng, appTotal + (rng.chance(0.2) ? rng.int(0, 5) : 0)),
  };
}

/**
 * Decide which zero cells are printed blank; returns the printed numbers as a flat map path -> number|null.
 * policy: 'zeros' (every zero printed 0), 'blanks' (every zero left blank), 'mixed'; keep: paths never blanked.
 */
function printedNumbers(rng, data, policy, keep = []) {
  const out = {};
  for (const p of M.numericPaths(data.version, data.singleOther)) {
    const v = M.get(data, p);
    if (v === undefined) throw new Error(`no value for ${p}`);
    let blank = false;
    if (v === 0 && !keep.includes(p)) blank = policy === 'blanks' ? rng.chance(0.95) : policy === 'mixed' ? rng.chance(0.5) : false;
    out[p] = blank ? null : v;
  }
  return out;
}

/** The paths a slip may hit: the totals the report's own arithmetic checks (mostly ones that are not zero). */
function slipTargets(data, printed) {
  const rows = M.appRows(data.version, data.singleOther).map(([r]) => r);
  const t = [];
  const w = (p, base) => [p, printed[p] ? base * 3 : base * 0.3];
  for (const r of rows) t.push(w(`applications.${r}.total`, r === 'newReceived' || r === 'results.granted' ? 3 : 1));
  for (const c of M.ORG_COLS) t.push(w(`applications.results.total.${c}`, 1));
  for (const [g] of M.REVIEW_GROUPS) t.push(w(`reviewLitigation.${g}.total`, g === 'review' ? 4 : 2));
  return t;
}

/** Print one total wrong. Mutates printed; returns a description. */
function applySlip(rng, data, printed) {
  const path = rng.weighted(slipTargets(data, printed));
  const correct = printed[path];
  const v = correct || 0;
  const options = [['plus', 3], ['minus', v > 0 ? 3 : 0], ['swap', v >= 12 && v % 10 !== Math.floor(v / 10) % 10 ? 2 : 0], ['blank', v > 0 ? 1 : 0], ['zero', v > 0 ? 1 : 0], ['sumOfOthers', 1]];
  const kind = rng.weighted(options);
  let wrong;
  switch (kind) {
    case 'plus': wrong = v + rng.int(1, 3); break;
    case 'minus': wrong = Math.max(0, v - rng.int(1, 3)); break;
    case 'swap': { const s = String(v); wrong = Number(s.slice(0, -2) + s.slice(-1) + s.slice(-2, -1)); break; }
    case 'blank': wrong = null; break;
    case 'zero': wrong = 0; break;
    default: wrong = v + 10 * rng.int(1, 2); break; // a carried ten, as when adding by hand
  }
  if ((wrong || 0) === v) wrong = v + 1;
  printed[path] = wrong;
  return { path, correct, printed: wrong, kind };
}

module.exports = { drawReport, printedNumbers, applySlip };
