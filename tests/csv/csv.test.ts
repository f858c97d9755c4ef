import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contractPaths, wideHeader } from '../../src/csv/columns';
import { readCsvRecords } from '../../src/csv/read';
import { csvLine } from '../../src/csv/write';

/** batch's CSV: what it writes reads back, a record cut short is found, the columns come from the schema. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-csv-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

describe('CSV', () => {
  const write = (content: string) => {
    const f = path.join(tmp, `${n++}.csv`);
    fs.writeFileSync(f, content);
    return f;
  };

  test('what csvLine writes reads back the same: quotes, commas, line breaks, CJK', () => {
    const rows = [['a', '他说"好"', '1,2'], ['多行\n文本', '', '-2'], ['\r\nx', 'y\r', '']];
    const file = write(rows.map((r) => csvLine(r)).join(''));
    expect([...readCsvRecords(file)].map((r) => r.fields)).toEqual(rows);
  });

  test('a record cut short is not returned, and end says where the whole records stop', () => {
    const whole = csvLine(['a', 'b']) + csvLine(['中文', 'c']);
    for (const cut of ['"open quote', 'no line break', '"x",y']) {
      const recs = [...readCsvRecords(write(whole + cut))];
      expect(recs.map((r) => r.fields)).toEqual([['a', 'b'], ['中文', 'c']]);
      expect(recs[1]!.end).toBe(Buffer.byteLength(whole));
    }
  });

  test('records are read across chunk boundaries', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`行${i}`, `"${'长'.repeat(i)}"`, String(i)]);
    const file = write(rows.map((r) => csvLine(r)).join(''));
    expect([...readCsvRecords(file, 0, 7)].map((r) => r.fields)).toEqual(rows);
  });
});

test('the wide header starts with the source, keeps both templates, and never repeats a path', () => {
  const header = wideHeader();
  expect(header.slice(0, 5)).toEqual(['schemaVersion', 'source.path', 'source.format', 'source.sha256', 'source.pages']);
  expect(header.indexOf('activeDisclosure.regulations.issued')).toBeLessThan(header.indexOf('activeDisclosure.regulations.newlyMade'));
  expect(header.filter((h) => h === 'activeDisclosure.punishment.decisions')).toHaveLength(1); // in both templates
  expect(header.slice(-5)).toEqual(['checks.failed', 'checks.failedIds', 'warnings.codes', 'error.code', 'error.message']);
  expect(contractPaths().some((p) => p.startsWith('cells') || p.startsWith('checks') || p.startsWith('warnings'))).toBe(false);
});

