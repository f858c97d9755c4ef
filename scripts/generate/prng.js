'use strict';
// Seeded PRNG (mulberry32) and the few helpers the generator draws with. Same seed -> same sequence.

function hashString(s) {
  // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function makeRng(...parts) {
  let a = hashString(parts.join('|'));
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** pick from [[value, weight], ...] */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of pairs) {
        if ((r -= w) < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    /** k distinct items */
    sample: (arr, k) => rng.shuffle(arr).slice(0, k),
    /** log-uniform integer in [lo, hi] (lo >= 1) */
    logInt: (lo, hi) => Math.floor(Math.exp(Math.log(lo) + next() * (Math.log(hi + 1) - Math.log(lo)))),
  };
  return rng;
}

/**
 * Balanced draw along one axis: the reports are cut into blocks of deck.length, and each block
 * gets every deck entry exactly once in a seeded order. Report i's draw does not depend on --count.
 */
function deckPick(seed, axis, i, deck) {
  const block = Math.floor(i / deck.length);
  const order = makeRng(seed, 'deck', axis, block).shuffle(deck);
  return order[i % deck.length];
}

module.exports = { makeRng, deckPick, hashString };
