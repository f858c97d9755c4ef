import { findMeta } from '../../src/mapper/meta';
import { paragraph } from '../../src/model';

const meta = (...lines: string[]) => findMeta(lines.map((l) => paragraph(l)));

describe('title, agency and year', () => {
  test('agency and year on one line', () => {
    expect(meta('北京市人民政府办公厅2021年政府信息公开工作年度报告')).toEqual({
      title: '北京市人民政府办公厅2021年政府信息公开工作年度报告', agency: '北京市人民政府办公厅', year: 2021 });
  });

  test('the agency on the line above the year (the seed)', () => {
    expect(meta('道里区人民政府办公室', '2021年政府信息公开工作年度报告')).toEqual({
      title: '道里区人民政府办公室2021年政府信息公开工作年度报告', agency: '道里区人民政府办公室', year: 2021 });
  });

  test('breadcrumbs above the title are not the agency', () => {
    const m = meta('首页 > 政务公开 > 政府信息公开年报', '2022年度政府信息公开工作年度报告', '根据《条例》，现公布杭州市人力资源和社会保障局2022年度政府信息公开工作年度报告。');
    expect(m.agency).toBe('杭州市人力资源和社会保障局');
    expect(m.year).toBe(2022);
  });

  test('the year first, the agency after it', () => {
    expect(meta('2020年度上海市财政局政府信息公开工作年度报告').agency).toBe('上海市财政局');
  });

  test('the year first and the title broken over two lines', () => {
    expect(meta('发布日期:2023-01-25 信息来源:绵阳市三台县人民政府', '2022 年绵阳市三台县人民政府', '政府信息公开工作年度报告'))
      .toMatchObject({ agency: '绵阳市三台县人民政府', year: 2022 });
    expect(meta('2022年某某区人民政府信息公开工作年度报告').agency).toBe('某某区人民政府');
  });

  test('a breadcrumb\'s wrapped tail is not joined to the title below it', () => {
    expect(meta('您当前的位置:首页 > 政务公开 > 政府信息公开年', '报]', '讷河市住房和城乡建设局2023年政府信息公开工作年度报告').agency).toBe('讷河市住房和城乡建设局');
  });

  test('year in brackets after the words', () => {
    expect(meta('淮安市洪泽区人民政府政府信息公开工作年度报告（2023年度）')).toMatchObject({ agency: '淮安市洪泽区人民政府', year: 2023 });
  });

  test('spaces inside a title printed with letter spacing', () => {
    expect(meta('淮安市人民政府 2024 年政府信息公开工作年度报告')).toMatchObject({ agency: '淮安市人民政府', year: 2024 });
  });

  test('nothing found', () => {
    expect(meta('欢迎访问')).toEqual({ title: null, agency: null, year: null });
  });

  test('text set beside the title on its line (a sidebar printed to PDF) is no part of the agency', () => {
    expect(meta('政府信', '息公开 江苏省商务厅2022年政府信息公开工作年度报告',
      '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，现公布江苏省商务厅2022年政府信息公开工作年',
      '度报告。')).toEqual({ title: '江苏省商务厅2022年政府信息公开工作年度报告', agency: '江苏省商务厅', year: 2022 });
  });
});


test('a title that opens with the year keeps it, without the sidebar text set before it on its line', () => {
  expect(meta('政府信', '息公开 2019 年合肥市民政局政府信息公开工作年度报告')).toEqual({
    title: '2019年合肥市民政局政府信息公开工作年度报告', agency: '合肥市民政局', year: 2019 });
});
