'use strict';
// The output contract's field lists (mirrors the contract README and its model.py): what every
// expected.json holds for a report of each template.

const APPLICANT_COLS = [
  ['naturalPerson', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['socialWelfare', '社会公益组织'],
  ['legalService', '法律服务机构'],
  ['otherOrg', '其他'],
  ['total', '总计'],
];
const COLS = APPLICANT_COLS.map(([k]) => k);
const ORG_COLS = COLS.slice(0, 6);

// [path under applications, label as the template prints it (without numbering), group or null]
const APP_ROWS_COMMON_HEAD = [
  ['newReceived', '本年新收政府信息公开申请数量', null],
  ['carriedOver', '上年结转政府信息公开申请数量', null],
  ['results.granted', '予以公开', null],
  ['results.partiallyGranted', '部分公开（区分处理的，只计这一情形，不计其他情形）', null],
  ['results.denied.stateSecret', '属于国家秘密', 'denied'],
  ['results.denied.lawProhibited', '其他法律行政法规禁止公开', 'denied'],
  ['results.denied.threeSecurityOneStability', '危及“三安全一稳定”', 'denied'],
  ['results.denied.thirdPartyRights', '保护第三方合法权益', 'denied'],
  ['results.denied.internalAffairs', '属于三类内部事务信息', 'denied'],
  ['results.denied.processInfo', '属于四类过程性信息', 'denied'],
  ['results.denied.enforcementFiles', '属于行政执法案卷', 'denied'],
  ['results.denied.adminQuery', '属于行政查询事项', 'denied'],
  ['results.unableToProvide.notHeld', '本机关不掌握相关政府信息', 'unableToProvide'],
  ['results.unableToProvide.needsCreation', '没有现成信息需要另行制作', 'unableToProvide'],
  ['results.unableToProvide.unclearAfterCorrection', '补正后申请内容仍不明确', 'unableToProvide'],
  ['results.notProcessed.complaint', '信访举报投诉类申请', 'notProcessed'],
  ['results.notProcessed.duplicate', '重复申请', 'notProcessed'],
  ['results.notProcessed.publication', '要求提供公开出版物', 'notProcessed'],
  ['results.notProcessed.massRepetitive', '无正当理由大量反复申请', 'notProcessed'],
  ['results.notProcessed.confirmOrReissue', '要求行政机关确认或重新出具已获取信息', 'notProcessed'],
];
const APP_ROWS_OTHER_2021 = [
  ['results.otherHandling.overdueCorrection', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'otherHandling'],
  ['results.otherHandling.overdueFee', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'otherHandling'],
  ['results.otherHandling.other', '其他', 'otherHandling'],
];
const APP_ROWS_OTHER_SINGLE = [['results.otherHandling', '其他处理', null]];
const APP_ROWS_TAIL = [
  ['results.total', '总计', null],
  ['carriedForward', '结转下年度继续办理', null],
];

// group key -> group label (without its （三） numbering)
const APP_GROUPS = {
  denied: ['三', '不予公开'],
  unableToProvide: ['四', '无法提供'],
  notProcessed: ['五', '不予处理'],
  otherHandling: ['六', '其他处理'],
};

/** The rows of section 三. A 2021 report printing （六）其他处理 as one row has the 2019 rows. */
function appRows(version, singleOther) {
  if (singleOther === undefined || singleOther === null) singleOther = version !== '2021';
  const other = singleOther ? APP_ROWS_OTHER_SINGLE : APP_ROWS_OTHER_2021;
  return APP_ROWS_COMMON_HEAD.concat(other, APP_ROWS_TAIL);
}

const REVIEW_COLS = [['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结'], ['total', '总计']];
const REVIEW_GROUPS = [['review', '行政复议'], ['litigationDirect', '未经复议直接起诉'], ['litigationAfterReview', '复议后起诉']];

// activeDisclosure: [item heading, column headers, [[key, row label, fields]]]
const ACTIVE_2021 = [
  ['第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [
    ['regulations', '规章', ['issued', 'repealed', 'inForce']],
    ['normativeDocuments', '行政规范性文件', ['issued', 'repealed', 'inForce']],
  ]],
  ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], [
    ['licensing', '行政许可', ['decisions']],
  ]],
  ['第二十条第（六）项', ['信息内容', '本年处理决定数量'], [
    ['punishment', '行政处罚', ['decisions']],
    ['coercion', '行政强制', ['decisions']],
  ]],
  ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [
    ['fees', '行政事业性收费', ['amount']],
  ]],
];
const ACTIVE_2019 = [
  ['第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], [
    ['regulations', '规章', ['newlyMade', 'newlyPublished', 'totalPublished']],
    ['normativeDocuments', '规范性文件', ['newlyMade', 'newlyPublished', 'totalPublished']],
  ]],
  ['第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], [
    ['licensing', '行政许可', ['previousYear', 'change', 'decisions']],
    ['otherServices', '其他对外管理服务事项', ['previousYear', 'change', 'decisions']],
  ]],
  ['第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], [
    ['punishment', '行政处罚', ['previousYear', 'change', 'decisions']],
    ['coercion', '行政强制', ['previousYear', 'change', 'decisions']],
  ]],
  ['第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], [
    ['fees', '行政事业性收费', ['previousYear', 'change']],
  ]],
  ['第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], [
    ['procurement', '政府集中采购', ['projects', 'amount']],
  ]],
];

const activeSpec = (version) => (version === '2021' ? ACTIVE_2021 : ACTIVE_2019);

function get(obj, path) {
  for (const k of path.split('.')) {
    if (obj === null || typeof obj !== 'object' || !(k in obj)) return undefined;
    obj = obj[k];
  }
  return obj;
}

function put(obj, path, value) {
  const keys = path.split('.');
  for (const k of keys.slice(0, -1)) {
    if (!(k in obj)) obj[k] = {};
    obj = obj[k];
  }
  obj[keys[keys.length - 1]] = value;
}

function singleOther(truth) {
  const row = get(truth, 'applications.results.otherHandling');
  return !!row && typeof row === 'object' && 'naturalPerson' in row;
}

/** Every numeric contract path of this report's template, in contract order. */
function numericPaths(version, single) {
  const out = [];
  for (const [, , items] of activeSpec(version)) {
    for (const [key, , fields] of items) for (const f of fields) out.push(`activeDisclosure.${key}.${f}`);
  }
  for (const [row] of appRows(version, single)) for (const c of COLS) out.push(`applications.${row}.${c}`);
  for (const [g] of REVIEW_GROUPS) for (const [c] of REVIEW_COLS) out.push(`reviewLitigation.${g}.${c}`);
  return out;
}

/** Same rules as inconsistent() in the shared scorer: true when the printed numbers break a check. */
function inconsistent(truth) {
  const v = truth.report.templateVersion;
  const n = (p) => get(truth, p) || 0;
  const rows = appRows(v, singleOther(truth)).map(([r]) => r);
  const leaves = rows.filter((r) => r.startsWith('results.') && r !== 'results.total');
  const broken = [];
  for (const c of COLS) {
    const a = (r) => n(`applications.${r}.${c}`);
    if (a('newReceived') + a('carriedOver') !== a('results.total') + a('carriedForward')) broken.push(`applications.balance.${c}`);
    if (a('results.total') !== leaves.reduce((s, r) => s + a(r), 0)) broken.push(`applications.resultsSum.${c}`);
  }
  for (const r of rows) {
    if (n(`applications.${r}.total`) !== ORG_COLS.reduce((s, c) => s + n(`applications.${r}.${c}`), 0)) broken.push(`applications.rowTotal.${r}`);
  }
  for (const [g] of REVIEW_GROUPS) {
    const sum = REVIEW_COLS.slice(0, 4).reduce((s, [c]) => s + n(`reviewLitigation.${g}.${c}`), 0);
    if (n(`reviewLitigation.${g}.total`) !== sum) broken.push(`reviewLitigation.total.${g}`);
  }
  return broken;
}

module.exports = {
  APPLICANT_COLS, COLS, ORG_COLS, APP_GROUPS, appRows, REVIEW_COLS, REVIEW_GROUPS,
  ACTIVE_2021, ACTIVE_2019, activeSpec, get, put, singleOther, numericPaths, inconsistent,
};
