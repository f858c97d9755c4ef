import { createHash } from 'node:crypto';
import { DigestSet } from '../../src/batch/digestSet';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('DigestSet: SHA-256 digests in one table', () => {
  test('holds what was added, across growth, and nothing else', () => {
    const set = new DigestSet(4);
    const added = Array.from({ length: 5000 }, (_, i) => sha(`file ${i}`));
    for (const h of added) expect(set.add(h)).toBe(true);
    expect(set.size).toBe(5000);
    for (const h of added) expect(set.has(h)).toBe(true);
    for (let i = 5000; i < 6000; i++) expect(set.has(sha(`file ${i}`))).toBe(false);
  });

  test('a digest added twice counts once; upper and lower case are the same digest', () => {
    const set = new DigestSet();
    const h = sha('x');
    set.add(h);
    set.add(h.toUpperCase());
    expect(set.size).toBe(1);
    expect(set.has(h.toUpperCase())).toBe(true);
  });

  test('digests that share the bytes that choose their slot are told apart by the rest of their first 128 bits', () => {
    const set = new DigestSet();
    const a = `${'ab'.repeat(15)}00${'cd'.repeat(16)}`;
    const b = `${'ab'.repeat(15)}01${'cd'.repeat(16)}`;
    set.add(a);
    expect(set.has(b)).toBe(false);
    set.add(b);
    expect(set.size).toBe(2);
    expect(set.has(a) && set.has(b)).toBe(true);
  });

  test('what is not 64 hex digits is neither added nor found', () => {
    const set = new DigestSet();
    expect(set.add('')).toBe(false);
    expect(set.add('f'.repeat(63))).toBe(false);
    expect(set.add(`${'f'.repeat(63)}g`)).toBe(false);
    expect(set.add('path:a.pdf')).toBe(false);
    expect(set.size).toBe(0);
    expect(set.has('f'.repeat(63))).toBe(false);
  });
});
