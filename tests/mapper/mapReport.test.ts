import { mapReport } from '../../src/mapper';
import { docModel, paragraph, table, row, cell } from '../../src/model';
import { NianbaoError } from '../../src/errors';
import { APP_LABELS_2021, applicationsTable, report2021 } from '../helpers/build';

const map = (blocks: ReturnType<typeof report2021>) => mapReport(docModel('text', blocks), 'x.txt');
const failed = (r: ReturnType<typeof map>) => r.checks.filter((c) => !c.ok).map((c) => c.id);

describe('mapping a whole report', () => {
  test('a clean 2021 report: numbers in place, every check passes, no warnings', () => {
    const values: string[][] = [];
    values[0] = ['3', '1', '', '', '', '', '4'];
    values[2] = ['3', '1', '', '', '', '', '4'];
    values[23] = ['3', '1', '', '', '', '', '4'];
    const r = map(report2021(applicationsTable(values)));
    expect(r.report).toEqual({ title: '某某市某某局2022年政府信息公开工作年度报告', agency: '某某市某某局', year: 2022, templateVersion: '2021' });
    expect(r.applications.newReceived).toEqual({ naturalPerson: 3, commercial: 1, research: null, socialWelfare: null, legalService: null, otherOrg: null, total: 4 });
    expect(r.applications.results.granted.total).toBe(4);
    expect(r.activeDisclosure).toMatchObject({ regulations: { issued: 1, repealed: 2, inForce: 3 }, normativeDocuments: { repealed: null }, fees: { amount: 1.5 } });
    expect(failed(r)).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.sections).toEqual({ overview: '总体情况的正文。', problems: '问题。', other: '无。' });
  });

  test('a row of numbers the reconstructor left without a label is reported, not dropped in silence', () => {
    const values: string[][] = [];
    values[0] = ['3', '1', '', '', '', '', '4'];
    values[2] = ['3', '1', '', '', '', '', '4'];
    values[23] = ['3', '1', '', '', '', '', '4'];
    const t = applicationsTable(values);
    const stray = row([cell(''), cell('0'), cell(''), cell('0'), cell(''), cell(''), cell(''), cell('')]);
    const blocks = report2021({ ...t, rows: [...t.rows.slice(0, 10), stray, ...t.rows.slice(10)] });
    const r = map(blocks);
    expect(r.applications.newReceived.total).toBe(4);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'ROW_UNRECOGNISED', message: expect.stringContaining('no label') }));
  });

  test('a row of dashes under a label nothing matches is reported too: it may be a row\'s own cells read apart', () => {
    // 作 of "2.没有现成信息需要另行制作" wrapped below the numbers, read as a row of its own with the row's — cells.
    const t = applicationsTable([]);
    const stray = row([cell('作'), cell('—'), cell('—'), cell('—'), cell('—'), cell('—'), cell('—'), cell('—')]);
    const r = map(report2021({ ...t, rows: [...t.rows.slice(0, 20), stray, ...t.rows.slice(20)] }));
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'ROW_UNRECOGNISED', message: expect.stringContaining('"作"') }));
    // An unknown label over blank cells is no such row.
    const quiet = row([cell('作'), cell(''), cell(''), cell(''), cell(''), cell(''), cell(''), cell('')]);
    const r2 = map(report2021({ ...t, rows: [...t.rows.slice(0, 20), quiet, ...t.rows.slice(20)] }));
    expect(r2.warnings.filter((w) => w.code === 'ROW_UNRECOGNISED')).toEqual([]);
  });

  test('a printed slip stays as printed and fails exactly its checks', () => {
    const values: string[][] = [];
    values[0] = ['3', '0', '0', '0', '0', '0', '3'];
    values[2] = ['3', '0', '0', '0', '0', '0', '3'];
    values[23] = ['3', '0', '0', '0', '0', '0', '5'];
    const r = map(report2021(applicationsTable(values)));
    expect(r.applications.results.total.total).toBe(5);
    expect(failed(r).sort()).toEqual(['applications.balance.total', 'applications.resultsSum.total', 'applications.rowTotal.results.total']);
  });

  test('（六）其他处理 printed as one row in a 2021 report: the row holds the seven keys', () => {
    const labels = [...APP_LABELS_2021.slice(0, 20), ['（六）其他处理'] as [string], ...APP_LABELS_2021.slice(23)];
    const values: string[][] = [];
    values[20] = ['2', '0', '0', '0', '0', '0', '2'];
    const r = map(report2021(applicationsTable(values, labels)));
    expect(r.report.templateVersion).toBe('2021');
    expect(r.applications.results.otherHandling).toEqual({ naturalPerson: 2, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(failed(r)).toContain('applications.resultsSum.total');
  });

  test('a label one character off is read without a warning: nothing about it is uncertain', () => {
    const labels = APP_LABELS_2021.map(([l, g]) => [l === '1.信访举报投诉类申请' ? '1.信访举报投诉类的申请' : l, g] as [string, string?]);
    const values: string[][] = [];
    values[15] = ['1', '0', '0', '0', '0', '0', '1'];
    const r = map(report2021(applicationsTable(values, labels)));
    expect(r.applications.results.notProcessed.complaint.total).toBe(1);
    expect(r.warnings).toEqual([]);
  });

  test('a badly misprinted label keeps its row by order and leaves a warning', () => {
    const labels = APP_LABELS_2021.map(([l, g]) => [l === '8.属于行政查询事项' ? '8.行政查询类' : l, g] as [string, string?]);
    const values: string[][] = [];
    values[11] = ['1', '0', '0', '0', '0', '0', '1'];
    const r = map(report2021(applicationsTable(values, labels)));
    expect(r.applications.results.denied.adminQuery.total).toBe(1);
    expect(r.warnings.map((w) => w.code)).toContain('LABEL_LOOSE_MATCH');
  });

  test('two section 二 rows read as one (行政处罚 716 / 行政强制 blank): the number goes to the row on its line', () => {
    // g83-000: a one-column table's label column just wide enough, the blank row read as the second line.
    const merged = (numberLine: number) => {
      const blocks = report2021();
      const active = blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.cells[0]?.text === '行政处罚'));
      if (active?.kind !== 'table') throw new Error('no section 二 table');
      const at = active.rows.findIndex((r) => r.cells[0]?.text === '行政处罚');
      active.rows.splice(at, 2, row([cell('行政处罚行政强制', { source: { line: 40 } }), cell('716', { source: { line: numberLine } })]));
      return map(blocks);
    };
    const onFirst = merged(40);
    expect([onFirst.activeDisclosure.punishment, onFirst.activeDisclosure.coercion]).toEqual([{ decisions: 716 }, { decisions: null }]);
    expect(onFirst.warnings.map((w) => w.code)).not.toContain('ROW_MISSING');
    const onSecond = merged(41);
    expect([onSecond.activeDisclosure.punishment, onSecond.activeDisclosure.coercion]).toEqual([{ decisions: null }, { decisions: 716 }]);
  });

  test('a section 二 number under no column its header names is reported, not dropped in silence', () => {
    const blocks = report2021();
    const active = blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.cells[0]?.text === '行政许可'));
    if (active?.kind !== 'table') throw new Error('no section 二 table');
    const at = active.rows.findIndex((r) => r.cells[0]?.text === '行政许可');
    // One number more than the header has columns: the grid sets the row's cells against the header's right edge,
    // so 12 stands under 本年处理决定数量 and 7 under no header cell.
    active.rows.splice(at, 1, row([cell('行政许可'), cell('7'), cell('12')]));
    const r = map(blocks);
    expect(r.activeDisclosure.licensing).toEqual({ decisions: 12 });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'CELL_UNPLACED', message: expect.stringContaining('prints 7 under no column') }));
  });

  test('section 四: a header row with one label among fifteen empty cells is no row of blank numbers (g131-014)', () => {
    // Layout text read 行政诉讼 into a row of its own, its other cells empty; taken as the data row, it made all
    // fifteen numbers null and 行政诉讼 a cell that was not a number.
    const nums = ['17', '4', '1', '3', '25', '10', '2', '2', '1', '15', '2', '2', '3', '2', '9'];
    const blocks = report2021().map((b) => (b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => c.text === '复议后起诉'))
      ? table([row([...Array.from({ length: 10 }, () => cell('')), cell('行政诉讼'), ...Array.from({ length: 5 }, () => cell(''))]),
        row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].flatMap((t) => [t, t, t]).map((t) => cell(t))), row(nums.map((n) => cell(n)))])
      : b));
    const r = map(blocks);
    expect(r.reviewLitigation.review).toEqual({ upheld: 17, corrected: 4, other: 1, pending: 3, total: 25 });
    expect(r.reviewLitigation.litigationAfterReview.total).toBe(9);
    expect(r.warnings.map((w) => w.code)).not.toContain('CELL_NOT_A_NUMBER');
  });

  test('section 四: units wrapped away from their numbers (29 / 件) are set aside, and the fifteen numbers read in order', () => {
    // g127-059: layout text put two 件 in cells of their own in the row of numbers (here one before, one among them).
    const nums = ['15', '3', '8', '3', '29', '11', '4', '3', '1件', '19', '7', '1', '2', '1', '11'];
    const blocks = report2021().map((b) => (b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => c.text === '复议后起诉'))
      ? table([row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].flatMap((t) => [t, t, t]).map((t) => cell(t))),
        row([cell('件'), ...nums.slice(0, 5).map((n) => cell(n)), cell('件'), ...nums.slice(5).map((n) => cell(n))])])
      : b));
    const r = map(blocks);
    expect(r.reviewLitigation.review).toEqual({ upheld: 15, corrected: 3, other: 8, pending: 3, total: 29 });
    expect(r.reviewLitigation.litigationAfterReview).toEqual({ upheld: 7, corrected: 1, other: 2, pending: 1, total: 11 });
    expect(r.warnings.map((w) => w.code)).not.toContain('TABLE_UNREADABLE');
  });

  test('a missing row is null with a warning, never a guess', () => {
    const labels = APP_LABELS_2021.filter(([l]) => l !== '2.重复申请');
    const r = map(report2021(applicationsTable([], labels)));
    expect(r.applications.results.notProcessed.duplicate.total).toBeNull();
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'ROW_MISSING' }));
  });

  test('every number is traced to its table, row and column', () => {
    const r = map(report2021());
    const c = r.cells.find((x) => x.path === 'applications.carriedForward.total');
    expect(c).toMatchObject({ raw: '0', value: 0, table: 1 });
    expect(r.cells.filter((x) => x.path.startsWith('applications.')).length).toBe(25 * 7);
  });

  test('a document with no template table is not a report', () => {
    expect(() => mapReport(docModel('text', [paragraph('你好'), table([row([cell('a'), cell('b')])])]), 'x.txt'))
      .toThrow(expect.objectContaining({ code: 'NOT_A_REPORT' }) as unknown as NianbaoError);
  });

  test('text copied without its layout says so: its rows have numbers but no columns', () => {
    // pdftotext without -layout, or a PDF viewer's plain copy: 一、本年新收… 95 0 0 0 0 0 95 on one line, blank cells gone.
    const flat = docModel('text', [paragraph('一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95'), paragraph('二、上年结转政府信息公开申请数量 0 0 0')]);
    expect(() => mapReport(flat, 'x.txt')).toThrow(expect.objectContaining({ code: 'NOT_A_REPORT', message: expect.stringContaining('not in columns') }) as unknown as NianbaoError);
    expect(() => mapReport(docModel('text', [paragraph('你好')]), 'x.txt')).toThrow(expect.objectContaining({ message: expect.stringContaining('it has no tables') }) as unknown as NianbaoError);
  });

  test('a report from before 2019 is refused with its own code', () => {
    expect(() => mapReport(docModel('text', [paragraph('某局2018年政府信息公开工作年度报告')]), 'x.txt'))
      .toThrow(expect.objectContaining({ code: 'PRE_2019' }) as unknown as NianbaoError);
  });
});
