import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { globToRegExp, listInputs } from '../../src/batch/inputs';
import { Progress, progressText } from '../../src/batch/progress';
import { hashInput } from '../../src/batch/run';
import { formatSummary } from '../../src/batch/summary';
import { tmpDir } from './helpers';

/** The parts of batch that need no worker: globs, the directory walk, progress, the summary. */

describe('globs', () => {
  test.each([
    ['*.pdf', 'a.pdf', true],
    ['*.pdf', 'x/a.pdf', false],
    ['**/*.pdf', 'a.pdf', true],
    ['**/*.pdf', 'x/y/a.pdf', true],
    ['x/**', 'x/y/a.txt', true],
    ['r?.txt', 'r1.txt', true],
    ['r?.txt', 'r10.txt', false],
    ['[ab].html', 'b.html', true],
    ['[!ab].html', 'b.html', false],
    ['*.{html,htm}', 'a.htm', true],
    ['*.{html,htm}', 'a.txt', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
  ])('%s matches %s: %s', (glob, file, yes) => {
    expect(globToRegExp(glob).test(file)).toBe(yes);
  });

  test('a directory is walked for report files only, hidden ones left out, in name order', () => {
    const dir = tmpDir('walk');
    for (const f of ['b.PDF', 'a/c.docx', 'a/d.htm', 'e.json', '.git/f.txt', 'g.txt', '.h.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    expect(listInputs([dir]).map((f) => path.relative(dir, f))).toEqual(['a/c.docx', 'a/d.htm', 'b.PDF', 'g.txt']);
    // The same file named twice is one input.
    expect(listInputs([path.join(dir, 'g.txt'), `${dir}/*.txt`])).toEqual([path.join(dir, 'g.txt')]);
  });
});

describe('progress', () => {
  test('the text: counts, share, rate, ETA, failures', () => {
    expect(progressText({ done: 250, total: 1000, failed: 3 }, 12.5, false))
      .toBe('nianbao batch: 250/1000 files 25% · 12.5/s · ETA 1m00s · 3 failed');
    expect(progressText({ done: 500, total: 1000, failed: 0 }, 0, true)).toMatch(/^\[#{12}-{12}\] 500\/1000 files 50% · 0\.0\/s · ETA \? /);
  });

  test('on a terminal the bar is redrawn in place; otherwise a line every logEvery', () => {
    const draw = (tty: boolean) => {
      const stream = Object.assign(new PassThrough(), { isTTY: tty });
      const chunks: string[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c.toString()));
      const p = new Progress(stream, 10_000, 0);
      for (let t = 50; t <= 30_000; t += 50) p.update({ done: t / 50, total: 600, failed: 0 }, t);
      p.end();
      return chunks;
    };
    const bar = draw(true);
    expect(bar.length).toBeGreaterThan(100);
    expect(bar.every((c) => c.startsWith('\r'))).toBe(true);
    const plain = draw(false);
    expect(plain).toEqual([
      'nianbao batch: 200/600 files 33% · 20.0/s · ETA 20s · 0 failed\n',
      'nianbao batch: 400/600 files 66% · 20.0/s · ETA 10s · 0 failed\n',
      'nianbao batch: 600/600 files 100% · 20.0/s · ETA 0s · 0 failed\n',
    ]);
  });

  test('it says how often it draws, and show draws at once (batch\'s coordinator sends progress that often)', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false });
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    expect(new Progress(Object.assign(new PassThrough(), { isTTY: true }), 10_000, 0).periodMs).toBe(100);
    const p = new Progress(stream, 10_000, 0);
    expect(p.periodMs).toBe(10_000);
    p.update({ done: 1, total: 10, failed: 0 }, 9_990); // too soon: nothing
    p.show({ done: 2, total: 10, failed: 0 }, 9_995); // a message that came a little early is still drawn
    expect(chunks).toEqual(['nianbao batch: 2/10 files 20% · 0.2/s · ETA 40s · 0 failed\n']);
  });
});

describe('hashing a file on the coordinator', () => {
  test('a file larger than the read buffer hashes as a whole, and one over --max-memory is TOO_LARGE with its hash', () => {
    const dir = tmpDir('hash');
    const file = path.join(dir, 'big.pdf');
    const bytes = Buffer.alloc(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(hashInput(file, 512)).toEqual({ sha256 });
    expect(hashInput(file, 2)).toEqual({
      error: { path: file, sha256, code: 'TOO_LARGE', message: 'the file is 3 MB, more than --max-memory 2 MB' },
    });
    expect(hashInput(path.join(dir, 'gone.pdf'), 512)).toEqual({
      error: { path: path.join(dir, 'gone.pdf'), sha256: null, code: 'IO', message: 'no such file' },
    });
    expect(hashInput(dir, 512)).toMatchObject({ error: { code: 'IO', message: 'is a directory' } });
  });
});

test('the summary names files read, already done, duplicates, reports, failures by code', () => {
  const text = formatSummary({
    out: 'o.csv', files: 120, alreadyDone: 10, duplicates: 2, parsed: 100, withFailedChecks: 7,
    failed: { EMPTY: 1, NOT_A_REPORT: 5, TIMEOUT: 2 }, seconds: 10, interrupted: false,
  });
  expect(text).toBe([
    'nianbao batch: done (o.csv, 10.0 s)',
    '  files read     120, 10 already in o.csv, 2 duplicates of another file skipped',
    '  parsed         100 reports, 7 with failed checks',
    '  failed         8 (NOT_A_REPORT 5, TIMEOUT 2, EMPTY 1)',
    '  rate           10.8 files/s',
  ].join('\n'));
});
