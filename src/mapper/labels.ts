import fs from 'node:fs';
import path from 'node:path';
import { normalizeChars } from '../text/normalize';
import { memoize } from '../text/memo';
import { EXTRACTORS_DIR } from '../templates';

/**
 * Matching printed labels to the template's. Real reports number items 1. / 1、 / 1． / （1）, quote
 * 三安全一稳定 in three ways, misprint words (其他法律行政止公开) and break labels over lines, so labels are
 * compared as normalised character strings: exact after normalisation, or close by the longest common
 * subsequence. Word segmentation (jieba) is the tie-breaker for the uncertain band only, loaded on first use.
 */

/** Leading numbering: 一、 三（一） （二） (3) 1. 2、 4． 5: and combinations. */
const NUMBERING = /^(?:[（(]?\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[)）]?\s*[、.．,，:：]?\s*)+/;
const NOISE = /[\s“”"'‘’「」『』《》<>〈〉（）()【】\[\]、，,。.．:：;；!！?？·•\-—_~/／\\|]/g;

/** Memoised: the same labels recur in every report of a batch. */
export const normLabel = memoize(normalize);

function normalize(s: string): string {
  const t = normalizeChars(s).trim();
  // Strip numbering only where the rest still says something (a label "其他" must not lose itself).
  const stripped = t.replace(NUMBERING, '');
  return (stripped.length ? stripped : t).replace(NOISE, '');
}

function lcs(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m || !n) return 0;
  let prev = new Array<number>(n + 1).fill(0);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n] ?? 0;
}

/** Dice coefficient on the longest common subsequence of two normalised labels: 1 is equal, 0 nothing shared. */
export function charSimilarity(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  return (2 * lcs(a, b)) / (a.length + b.length);
}

type Cut = (s: string) => string[];
let cutter: Cut | undefined;

/**
 * The segmenter, loaded on first use only, with the template's own vocabulary (extractors/vocabulary.txt, made by
 * scripts/vocabulary.js): the words of jieba's dictionary that the template's labels use, with their frequencies,
 * so template labels are cut exactly as with the full dictionary (tested), for a few kilobytes instead of ~50 MB
 * and 0.2 s per batch worker (pitfalls.md).
 */
function cut(): Cut {
  if (!cutter) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const jieba = Jieba.withDict(fs.readFileSync(path.join(EXTRACTORS_DIR, 'vocabulary.txt')));
    cutter = (s) => jieba.cut(s, false).filter((w) => w.trim().length > 0);
  }
  return cutter;
}

// The template's labels are cut again for every uncertain printed label: remember the words of each string.
const wordsOf = memoize((s: string): Set<string> => new Set(cut()(s)));

/** Share of words in common (Jaccard on jieba tokens). */
export function wordSimilarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  const union = wa.size + wb.size - both;
  return union ? both / union : 0;
}

/** Below this a label does not match at all; at or above SURE it matches without a warning. */
export const MATCH_FLOOR = 0.6;
export const SURE = 0.999;
/**
 * A label that is not printed exactly as the template's, but is this close to its row and clearly closer to it
 * than to any other (one character dropped or added: 信访举报投诉类的申请), is read without a warning: nothing
 * about it is uncertain. Anything looser is read and flagged.
 */
const CONFIDENT = 0.85;
const MARGIN = 0.1;

export function isConfident(scores: readonly number[], chosen: number): boolean {
  const score = scores[chosen] ?? 0;
  if (score >= SURE) return true;
  const rival = scores.reduce((m, s, i) => (i === chosen ? m : Math.max(m, s)), 0);
  return score >= CONFIDENT && score - rival >= MARGIN;
}

/** Character similarity in this band is uncertain: word segmentation gets a say. */
const UNSURE_FROM = 0.45;
const UNSURE_TO = 0.8;

/** The best similarity two strings of these lengths could reach: prunes the LCS for hopeless pairs. */
function bound(a: number, b: number): number {
  return (2 * Math.min(a, b)) / (a + b);
}

/**
 * How well a printed label fits one of the template's labels (all normalised), in [0, 1].
 * In the uncertain band the word-level view may raise the score: a reworded label keeps its words.
 */
export function labelScore(printed: string, variants: readonly string[]): number {
  let best = 0;
  for (const v of variants) if (bound(printed.length, v.length) > best) best = Math.max(best, charSimilarity(printed, v));
  if (best >= UNSURE_FROM && best < UNSURE_TO && printed.length >= 4) {
    for (const v of variants) best = Math.max(best, Math.min(UNSURE_TO, 0.5 + wordSimilarity(printed, v) / 2));
  }
  return best;
}

/**
 * Scores of one printed label against every target of a template (a row, an item, a column), memoised: the same
 * labels recur in every report of a batch. A label printed exactly as one target's variant settles it without
 * fuzzy matching, so clean reports never load the segmenter.
 */
export class LabelMatcher {
  private readonly exact = new Map<string, number[]>();
  private readonly variants: string[][];

  constructor(targets: readonly (readonly string[])[]) {
    this.variants = targets.map((labels) => labels.map(normLabel));
    this.variants.forEach((vs, i) => {
      for (const v of vs) {
        const list = this.exact.get(v) ?? [];
        if (!list.includes(i)) list.push(i);
        this.exact.set(v, list);
      }
    });
  }

  /** Normalised label → score per target. */
  readonly scores = memoize((label: string): number[] => {
    const exact = this.exact.get(label);
    // Other targets keep their character similarity (no segmenter): order may still need them.
    if (exact) return this.variants.map((vs, i) => (exact.includes(i) ? 1 : vs.reduce((m, v) => Math.max(m, bound(label.length, v.length) > m ? charSimilarity(label, v) : m), 0)));
    return this.variants.map((vs) => labelScore(label, vs));
  });

  /** The best target for a label, if any reaches the floor. */
  best(label: string, skip?: (index: number) => boolean): { index: number; score: number } | undefined {
    let out: { index: number; score: number } | undefined;
    this.scores(label).forEach((score, index) => {
      if (score >= MATCH_FLOOR && (!out || score > out.score) && !skip?.(index)) out = { index, score };
    });
    return out;
  }
}
