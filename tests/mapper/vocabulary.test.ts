import fs from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * The segmenter runs on the template's own vocabulary (extractors/vocabulary.txt), not jieba's whole dictionary:
 * it must cut every template label as the whole dictionary does, and be what scripts/vocabulary.js makes of the
 * templates now (a label added to extractors/ without running the script fails here).
 */

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { vocabulary } = require(path.join(ROOT, 'scripts', 'vocabulary.js')) as { vocabulary: () => { text: string; labels: string[] } };

describe('the template vocabulary', () => {
  const made = vocabulary();
  const file = fs.readFileSync(path.join(ROOT, 'extractors', 'vocabulary.txt'), 'utf8');

  test('is what scripts/vocabulary.js makes of the templates', () => {
    expect(file).toBe(made.text);
  });

  test('cuts every template label as the whole dictionary does', () => {
    const full = Jieba.withDict(dict);
    const small = Jieba.withDict(Buffer.from(file));
    expect(made.labels.length).toBeGreaterThan(50);
    for (const label of made.labels) expect(small.cut(label, false)).toEqual(full.cut(label, false));
  });

  test('is a small part of the whole dictionary', () => {
    expect(file.length).toBeLessThan(dict.length / 100);
  });
});
