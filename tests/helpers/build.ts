import { Block, cell, paragraph, placeholder, row, table } from '../../src/model';

/** Tiny builders for whole documents in the intermediate model: a report's three tables from numbers. */

export const APP_LABELS_2021: [string, string?][] = [
  ['一、本年新收政府信息公开申请数量'], ['二、上年结转政府信息公开申请数量'],
  ['（一）予以公开', '三、本年度办理结果'], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['1.属于国家秘密', '（三）不予公开'], ['2.其他法律行政法规禁止公开'], ['3.危及“三安全一稳定”'], ['4.保护第三方合法权益'],
  ['5.属于三类内部事务信息'], ['6.属于四类过程性信息'], ['7.属于行政执法案卷'], ['8.属于行政查询事项'],
  ['1.本机关不掌握相关政府信息', '（四）无法提供'], ['2.没有现成信息需要另行制作'], ['3.补正后申请内容仍不明确'],
  ['1.信访举报投诉类申请', '（五）不予处理'], ['2.重复申请'], ['3.要求提供公开出版物'], ['4.无正当理由大量反复申请'],
  ['5.要求行政机关确认或重新出具已获取信息'],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）其他处理'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], ['3.其他'],
  ['（七）总计'], ['四、结转下年度继续办理'],
];

/** Section 三 as tab text gives it: labels left, seven numbers right, stand-ins where a label cell is merged. */
export function applicationsTable(values: (string[] | undefined)[], labels = APP_LABELS_2021) {
  const header = [
    row([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), cell('申请人情况')]),
    row([placeholder(), cell('自然人'), cell('法人或其他组织'), cell('总计')]),
    row([placeholder(), placeholder(), cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他'), placeholder()]),
  ];
  const body = labels.map(([label, group], i) => {
    const nums = (values[i] ?? ['0', '0', '0', '0', '0', '0', '0']).map((v) => cell(v));
    return row([...(group ? [cell(group)] : []), cell(label), ...nums]);
  });
  return table([...header, ...body]);
}

export function reviewTable(nums: string[]) {
  return table([
    row([cell('行政复议'), cell('行政诉讼')]),
    row([cell('结果维持'), cell('结果纠正'), cell('其他结果'), cell('尚未审结'), cell('总计'), cell('未经复议直接起诉'), cell('复议后起诉')]),
    row([placeholder(), placeholder(), placeholder(), placeholder(), placeholder(), ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => cell(t))]),
    row(nums.map((n) => cell(n))),
  ]);
}

export function active2021Table() {
  return table([
    row([cell('第二十条第（一）项')]),
    row([cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')]),
    row([cell('规章'), cell('1'), cell('2'), cell('3')]),
    row([cell('行政规范性文件'), cell('4'), cell(''), cell('6')]),
    row([cell('第二十条第（五）项')]),
    row([cell('信息内容'), cell('本年处理决定数量')]),
    row([cell('行政许可'), cell('7')]),
    row([cell('第二十条第（六）项')]),
    row([cell('信息内容'), cell('本年处理决定数量')]),
    row([cell('行政处罚'), cell('8')]),
    row([cell('行政强制'), cell('9')]),
    row([cell('第二十条第（八）项')]),
    row([cell('信息内容'), cell('本年收费金额（单位：万元）')]),
    row([cell('行政事业性收费'), cell('1.5')]),
  ]);
}

export function report2021(apps = applicationsTable([]), extra: Block[] = []): Block[] {
  return [
    paragraph('某某市某某局'), paragraph('2022年政府信息公开工作年度报告'),
    paragraph('一、总体情况'), paragraph('总体情况的正文。'),
    paragraph('二、主动公开政府信息情况'), active2021Table(),
    paragraph('三、收到和处理政府信息公开申请情况'), apps,
    paragraph('四、政府信息公开行政复议、行政诉讼情况'), reviewTable(new Array(15).fill('0')),
    paragraph('五、存在的主要问题及改进情况'), paragraph('问题。'),
    paragraph('六、其他需要报告的事项'), paragraph('无。'),
    ...extra,
  ];
}
