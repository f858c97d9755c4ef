'use strict';
// The document model both renderers print: a list of blocks
//   { t: 'title', lines: [..] } | { t: 'p', text, role } | { t: 'table', role, rows: [[cell]] }
// where a cell is { lines: [string], rs, cs, num } (rs/cs: rowspan/colspan, num: holds a number).

const M = require('./model');
const { CN } = require('./text');

const cell = (text, o = {}) => ({ lines: Array.isArray(text) ? text : [text], rs: o.rs || 1, cs: o.cs || 1, num: !!o.num, ...(o.path ? { path: o.path } : {}) });
const chars = (s) => Array.from(s);

function numCell(rng, v, s, o = {}) {
  // now and then Word leaves an empty paragraph before the number (the seed's "\t\n0")
  const lines = v.strayPara && /\d/.test(s) && rng.chance(0.05) ? ['', s] : [s];
  return cell(lines, { ...o, num: true });
}

/** Section 二: one table (4 columns) or one table per 第二十条 item. */
function activeBlocks(rng, data, v, p, printed) {
  const spec = M.activeSpec(data.version);
  const fmt = (key, f) => {
    const val = printed[`activeDisclosure.${key}.${f}`];
    if (f === 'change') return p.change(val);
    if (f === 'amount' && key === 'fees') return p.fee(val);
    if (f === 'amount') return p.amount(val, data.activeDisclosure.procurement.amountUnit);
    return p.count(val, 'active', key === 'procurement' ? '个' : '件');
  };
  const header = (key, h) => {
    if (key === 'procurement' && h === '采购总金额' && v.procurementUnitPlace === 'header') return `采购总金额（${data.activeDisclosure.procurement.amountUnit}）`;
    return h;
  };
  const tables = spec.map(([item, heads, rows]) => {
    const width = v.activeTables === 'one' ? 4 : heads.length;
    const spanLast = (n) => (k) => (k === n - 1 ? width - n + 1 : 1);
    const out = [];
    if (v.activeTables !== 'separate-paragraph') out.push([cell(item, { cs: width })]);
    const hs = spanLast(heads.length);
    out.push(heads.map((h, k) => cell(header(rows[0][0], h), { cs: hs(k) })));
    for (const [key, label, fields] of rows) {
      const lab = key === 'normativeDocuments' ? v.normDocLabel : label;
      const fs = spanLast(fields.length + 1);
      out.push([cell(lab)].concat(fields.map((f, k) => numCell(rng, v, fmt(key, f), { cs: fs(k + 1), path: `activeDisclosure.${key}.${f}` }))));
    }
    return { item, rows: out };
  });
  if (v.activeTables === 'one') return [{ t: 'table', role: 'active', rows: tables.flatMap((x) => x.rows) }];
  return tables.flatMap((x) => (v.activeTables === 'separate-paragraph' ? [{ t: 'p', text: x.item, role: 'body' }] : []).concat([{ t: 'table', role: 'active', rows: x.rows }]));
}

/** Section 三: the 10-column table. */
function applicationsTable(rng, data, v, p, printed) {
  const rows = [];
  const note = rng.chance(0.8) ? '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' : '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)';
  const orgLines = {
    flat: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((s) => [s]),
    lines: [['商业', '企业'], ['科研', '机构'], ['社会', '公益', '组织'], ['法律', '服务', '机构'], ['其他']],
  };
  if (v.header === 'tworow') {
    rows.push([cell(note, { rs: 4, cs: 3 }), cell('申请人情况', { cs: 7 })]);
    rows.push([cell('自然人', { rs: 3 }), cell('法人或其他组织', { cs: 5 }), cell('总计', { rs: 3 })]);
    rows.push([cell('商业'), cell('科研'), cell(rng.chance(0.5) ? ['社会', '公益', '组织'] : ['社会公益', '组织'], { rs: 2 }), cell(['法律服务', '机构'], { rs: 2 }), cell('其他', { rs: 2 })]);
    rows.push([cell('企业'), cell('机构')]);
  } else {
    rows.push([cell(note, { rs: 3, cs: 3 }), cell('申请人情况', { cs: 7 })]);
    rows.push([cell('自然人', { rs: 2 }), cell('法人或其他组织', { cs: 5 }), cell('总计', { rs: 2 })]);
    rows.push(orgLines[v.header].map((l) => cell(l)));
  }
  const values = (r) => M.COLS.map((c) => numCell(rng, v, p.count(printed[`applications.${r}.${c}`], 'applications'), { path: `applications.${r}.${c}` }));
  const appRows = M.appRows(data.version, data.singleOther);
  const resultRows = appRows.filter(([r]) => r.startsWith('results.'));
  const groupSize = (g) => appRows.filter(([, , gg]) => gg === g).length;
  const resultsLabel = p.kangxi('三、本年度办理结果');
  let firstResult = true;
  let groupNo = 0;
  let lastGroup = null;
  let itemNo = 0;
  for (const [r, text, group] of appRows) {
    const row = [];
    if (r === 'newReceived' || r === 'carriedOver' || r === 'carriedForward') {
      const top = r === 'newReceived' ? '一、' : r === 'carriedOver' ? '二、' : '四、';
      row.push(cell(p.kangxi(top) + p.wording(r, text), { cs: 3 }));
    } else {
      if (firstResult) {
        row.push(cell(v.resultsVertical ? chars(resultsLabel) : resultsLabel, { rs: resultRows.length }));
        firstResult = false;
      }
      if (group) {
        if (group !== lastGroup) {
          groupNo += 1;
          itemNo = 0;
          lastGroup = group;
          row.push(cell(p.group(groupNo, M.APP_GROUPS[group][1]), { rs: groupSize(group) }));
        }
        itemNo += 1;
        row.push(cell(p.item(itemNo, r, text, group)));
      } else {
        groupNo += 1;
        lastGroup = null;
        row.push(cell(p.group(groupNo, p.wording(r, text)), { cs: 2 }));
      }
    }
    rows.push(row.concat(values(r)));
  }
  return { t: 'table', role: 'applications', rows };
}

/** Section 四: the 15-column table. */
function reviewTable(rng, data, v, p, printed) {
  const head = (s) => (v.reviewHeader === 'chars' || v.reviewHeader === 'charsReview' ? chars(s) : v.reviewHeader === 'twoLines' ? [s.slice(0, 2), s.slice(2)].filter(Boolean) : [s]);
  const litHead = (s) => (v.reviewHeader === 'chars' && rng.chance(0.5) ? chars(s) : [s]);
  const rows = [
    [cell('行政复议', { cs: 5 }), cell('行政诉讼', { cs: 10 })],
    M.REVIEW_COLS.map(([, l]) => cell(head(l), { rs: 2 })).concat([cell('未经复议直接起诉', { cs: 5 }), cell('复议后起诉', { cs: 5 })]),
    [],
    [],
  ];
  const lit = M.REVIEW_COLS.map(([, l]) => litHead(l));
  rows[2] = lit.concat(lit).map((l) => cell(l));
  for (const [g] of M.REVIEW_GROUPS) {
    for (const [c] of M.REVIEW_COLS) rows[3].push(numCell(rng, v, p.count(printed[`reviewLitigation.${g}.${c}`], 'applications'), { path: `reviewLitigation.${g}.${c}` }));
  }
  return { t: 'table', role: 'review', rows };
}

/** The whole report as blocks. */
function buildDocument(rng, data, v, p, printed, text) {
  const blocks = [{ t: 'title', lines: v.title === 'p-bold' ? [text.title.join('')] : text.title }];
  for (const s of text.intro) blocks.push({ t: 'p', text: s, role: 'body' });
  text.s1.forEach((s, k) => blocks.push({ t: 'p', text: s, role: k === 0 ? 'heading' : 'body' }));
  blocks.push({ t: 'p', text: '二、主动公开政府信息情况', role: 'heading' });
  blocks.push(...activeBlocks(rng, data, v, p, printed));
  blocks.push({ t: 'p', text: '三、收到和处理政府信息公开申请情况', role: 'heading' });
  blocks.push(applicationsTable(rng, data, v, p, printed));
  if (v.sourceNote) blocks.push({ t: 'p', text: '注：表中数据统计口径为本机关本级收到和处理的政府信息公开申请。', role: 'body' });
  blocks.push({ t: 'p', text: v.heading4, role: 'heading' });
  blocks.push(reviewTable(rng, data, v, p, printed));
  text.s5.forEach((s, k) => blocks.push({ t: 'p', text: s, role: k === 0 ? 'heading' : 'body' }));
  text.s6.forEach((s, k) => blocks.push({ t: 'p', text: s, role: k === 0 ? 'heading' : 'body' }));
  if (text.signature.length) {
    blocks.push({ t: 'p', text: '', role: 'body' });
    for (const s of text.signature) blocks.push({ t: 'p', text: s, role: 'signature' });
  }
  return blocks;
}

module.exports = { buildDocument, CN };
