#!/usr/bin/env node
/**
 * Writes extractors/vocabulary.txt: the part of jieba's dictionary that the template's labels use, which is all
 * the segmenter needs to compare a printed label with the template's (src/mapper/labels.ts). The full dictionary
 * costs a batch worker about 50 MB and 0.2 s to load; this one a few kilobytes.
 *
 * Every dictionary word that occurs inside a template label (normalised as the matcher normalises it) is kept with
 * its frequency, so jieba's word graph over a template label is the same as with the full dictionary; one filler
 * entry (a private-use character no text contains) keeps the frequencies' total, so the words' probabilities are
 * the same too. tests/mapper/vocabulary.test.ts checks both: the file is what this script makes, and every template
 * label is cut the same way as with the full dictionary.
 *
 *   npm run build && node scripts/vocabulary.js        (after a change to extractors/*.json)
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'extractors', 'vocabulary.txt');
const FILLER = '\uE000';

/** Every string under a "labels" or "variants" key of the template files. */
function templateLabels() {
  const out = new Set();
  const walk = (v, key) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && (key === 'labels' || key === 'variants')) out.add(v);
  };
  for (const f of fs.readdirSync(path.join(ROOT, 'extractors')).filter((f) => f.endsWith('.json')).sort()) {
    walk(JSON.parse(fs.readFileSync(path.join(ROOT, 'extractors', f), 'utf8')));
  }
  return [...out];
}

function vocabulary() {
  const { normLabel } = require(path.join(ROOT, 'dist', 'mapper', 'labels.js'));
  const { dict } = require('@node-rs/jieba/dict');
  const entries = new Map();
  let total = 0;
  for (const line of dict.toString('utf8').split('\n')) {
    const [word, freq, tag] = line.trim().split(' ');
    if (!word || !freq) continue;
    total += Number(freq);
    entries.set(word, `${word} ${freq}${tag ? ` ${tag}` : ''}`);
  }
  const labels = templateLabels().map(normLabel);
  const kept = new Map();
  for (const label of labels) {
    const chars = [...label];
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= chars.length; j++) {
        const w = chars.slice(i, j).join('');
        if (entries.has(w)) kept.set(w, entries.get(w));
      }
    }
  }
  const words = [...kept.keys()].sort();
  const keptTotal = words.reduce((n, w) => n + Number(kept.get(w).split(' ')[1]), 0);
  const lines = [...words.map((w) => kept.get(w)), `${FILLER} ${total - keptTotal} x`];
  return { text: `${lines.join('\n')}\n`, labels };
}

module.exports = { vocabulary, templateLabels };

if (require.main === module) {
  const { text } = vocabulary();
  fs.writeFileSync(OUT, text);
  console.log(`${path.relative(ROOT, OUT)}: ${text.split('\n').length - 2} words`);
}
