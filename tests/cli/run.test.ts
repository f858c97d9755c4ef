import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../src/cli/run';

/** The CLI as a user meets it: JSON on stdout, or one line on stderr and a non-zero code. */

async function cli(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await run(args, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};
const seed = path.join(__dirname, '../../samples/seed/daoli-2021.txt');

describe('nianbao parse', () => {
  test('a report prints one JSON record and exits 0', async () => {
    const r = await cli(['parse', seed]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as { report: { agency: string }; source: { format: string } };
    expect(rec.report.agency).toBe('道里区人民政府办公室');
    expect(rec.source.format).toBe('text');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('- reads stdin', async () => {
    const r = await cli(['parse', '-'], fs.readFileSync(seed, 'utf8'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { source: { path: string } }).source.path).toBe('-');
  });

  test.each([
    ['empty.txt', '', 'EMPTY'],
    ['junk.bin', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), 'BINARY'],
    ['page.html', '<html><body><div class="nav">首页</div><p>欢迎访问</p></body></html>', 'NOT_A_REPORT'],
    ['old.txt', '某局2018年政府信息公开工作年度报告\n\t主动公开政府信息数\n\t12\n', 'PRE_2019'],
    ['fake.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]), ''],
  ])('%s: one line on stderr naming the file, exit 1, nothing on stdout', async (name, content, code) => {
    const p = file(name, content);
    const r = await cli(['parse', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(p);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test('a missing file is an error naming it', async () => {
    const r = await cli(['parse', path.join(tmp, 'nope.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.pdf: no such file/);
  });

  test('wrong usage exits 64 with the usage', async () => {
    expect((await cli(['parse'])).code).toBe(64);
    expect((await cli(['frobnicate'])).stderr).toContain('usage');
  });
});

describe('nianbao schema', () => {
  test('prints the contract as JSON Schema, with every top-level key', async () => {
    const r = await cli(['schema']);
    const s = JSON.parse(r.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties)).toEqual(['schemaVersion', 'source', 'report', 'sections', 'activeDisclosure',
      'applications', 'reviewLitigation', 'cells', 'checks', 'warnings']);
    expect(s.required).toContain('applications');
  });
});
