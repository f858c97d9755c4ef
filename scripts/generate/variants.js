'use strict';
// Wording and printing variants, drawn per report, and the functions that print a number or a label the
// way that report does. Everything a renderer prints comes through here, so meta.json can list it.

const { deckPick } = require('./prng');

const NUMBERING = {
  dot: (n) => `${n}.`,
  dun: (n) => `${n}、`,
  fwdot: (n) => `${n}．`,
  paren: (n) => `(${n})`,
  fwparen: (n) => `（${n}）`,
  dotspace: (n) => `${n}. `,
};
const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// misprints seen in real reports, by row path (label without numbering)
const MISPRINTS = {
  'results.denied.lawProhibited': ['其他法律行政止公开', 4],
  'results.unableToProvide.notHeld': ['本机关不掌握相关的政府信息', 4],
  'results.denied.processInfo': ['属于四类过程信息', 1],
  'results.denied.internalAffairs': ['属于三类内部事物信息', 1],
  'results.denied.thirdPartyRights': ['保护第三方的合法权益', 1],
  'results.unableToProvide.needsCreation': ['没有现成信息需另行制作', 1],
  'results.unableToProvide.unclearAfterCorrection': ['补正后申请内容仍不明', 1],
  'results.notProcessed.complaint': ['信访举报投诉类的申请', 1],
  'results.notProcessed.publication': ['要求提供公开出版物的', 1],
  'results.notProcessed.confirmOrReissue': ['要求行政机关确认或重新出具已获信息', 1],
  'results.otherHandling.overdueCorrection': ['申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请', 1],
  'newReceived': ['本年新收政府信息公开申请数', 1],
  'carriedForward': ['结转下一年度继续办理', 1],
};

const HEADINGS_4 = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
  '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
];

const BLANK_TOKENS = ['', '\u00a0', '—', '－', '/', '无'];

/** Draw every variant for report i. */
function drawVariants(rng, seed, i, data) {
  const v = {};
  v.site = deckPick(seed, 'site', i, ['cms', 'cms', 'cms', 'plain', 'plain']);
  v.encoding = deckPick(seed, 'encoding', i, ['utf8', 'utf8', 'utf8', 'utf8-bom', 'gbk-meta-charset', 'gb2312-http-equiv', 'gb2312-http-equiv', 'gbk-undeclared']);
  v.header = deckPick(seed, 'header', i, ['flat', 'lines', 'lines', 'tworow']);
  v.activeTables = deckPick(seed, 'activeTables', i, ['one', 'one', 'separate-rowhead', 'separate-paragraph']);
  v.title = deckPick(seed, 'title', i, ['h1-br', 'p-bold', 'two-p']);
  v.titleWording = rng.weighted([['standard', 8], ['niandu', 1], ['yearFirst', 1]]);
  v.cellLines = rng.pick(['br', 'multi-p']); // how a cell with several lines is written in HTML
  v.nestedSpans = v.site === 'cms' && rng.chance(0.5);
  // plain pages: cells padded (cellpadding 3), or Word's cell markup without widths (cellpadding 0, p.MsoNormal):
  // LibreOffice then sizes each column by its text, and a header set one character a line makes a narrow column.
  v.plainCells = v.site === 'plain' && rng.chance(0.6) ? 'mso' : 'padded';

  v.numbering = rng.weighted([['dot', 5], ['dun', 2], ['fwdot', 1], ['paren', 1], ['fwparen', 1], ['dotspace', 1]]);
  // some reports number the （六） items differently from the rest (as 淮安市 2024 does)
  v.numberingOther = rng.chance(0.2) ? rng.pick(Object.keys(NUMBERING)) : v.numbering;
  v.numberingMixed = rng.chance(0.1); // a few labels with a different style, at random
  v.groupParen = rng.weighted([['full', 6], ['ascii', 2], ['mixed', 2]]);
  v.quotes = rng.weighted([['curly', 6], ['straight', 2], ['none', 2]]);

  v.blankPolicy = rng.weighted([['zeros', 4], ['blanks', 3], ['mixed', 3]]);
  const tok = rng.weighted([['', 3], ['\u00a0', 3], ['—', 1], ['－', 1], ['/', 1], ['无', 1]]);
  v.blankTokens = rng.chance(0.2) ? [tok, rng.pick(BLANK_TOKENS)] : [tok];
  v.fullwidth = rng.weighted([['none', 8], ['all', 1], ['some', 1]]);
  v.thousands = rng.chance(0.25);
  v.units = rng.chance(0.15) ? rng.pick(['applications', 'active', 'both']) : 'none';
  v.changeStyle = rng.weighted([['signed', 5], ['words', 3], ['mixed', 2]]);
  v.plusSign = rng.chance(0.5);
  v.feeUnitInCell = rng.chance(0.1);
  v.feeFixed = rng.chance(0.3);
  v.procurementUnitPlace = rng.chance(0.5) ? 'cell' : 'header';

  const nMis = rng.weighted([[0, 13], [1, 5], [2, 2]]);
  const misKeys = Object.keys(MISPRINTS).filter((k) => data.version === '2021' || !k.startsWith('results.otherHandling.'));
  v.misprints = [];
  while (v.misprints.length < nMis) {
    const k = rng.weighted(misKeys.map((m) => [m, MISPRINTS[m][1]]));
    if (!v.misprints.includes(k)) v.misprints.push(k);
  }
  v.heading4 = rng.chance(0.6) ? HEADINGS_4[data.version === '2021' ? 0 : 2] : rng.pick(HEADINGS_4);
  v.kangxi = !v.encoding.startsWith('gb') && rng.chance(0.15);
  v.normDocLabel = data.version === '2021' ? (rng.chance(0.15) ? '规范性文件' : '行政规范性文件') : (rng.chance(0.15) ? '行政规范性文件' : '规范性文件');
  v.strayPara = rng.chance(0.2);
  // charsReview: 行政复议's five columns one character a line, the lawsuit columns' names whole (the samples' own
  // style: narrow review columns that pdftotext packs as 结结其尚 while their numbers stand apart).
  v.reviewHeader = rng.weighted([['flat', 3], ['chars', 3], ['charsReview', 4], ['twoLines', 2]]);
  v.resultsVertical = rng.chance(0.3);
  v.signature = rng.chance(0.6);
  v.sourceNote = rng.chance(0.2); // a note under a table ("注：…")
  return v;
}

const FW = '０１２３４５６７８９';
const toFullwidth = (s) => s.replace(/[0-9]/g, (d) => FW[Number(d)]);
const withThousands = (s) => s.replace(/^(\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** The printer for one report: functions from values/labels to printed strings. */
function makePrinter(rng, v) {
  const blank = () => (v.blankTokens.length > 1 ? rng.pick(v.blankTokens) : v.blankTokens[0]);
  const digits = (s) => {
    if (v.thousands && /^\d{4,}/.test(s) && rng.chance(0.85)) s = withThousands(s);
    if (v.fullwidth === 'all' || (v.fullwidth === 'some' && rng.chance(0.3))) s = toFullwidth(s);
    return s;
  };
  const unit = (section, u) => (v.units === section || (v.units === 'both' && section !== 'none')) && rng.chance(0.25) ? u : '';
  return {
    blank,
    count(n, section = 'applications', u = '件') {
      if (n === null) return blank();
      return digits(String(n)) + unit(section, u);
    },
    change(n) {
      if (n === null) return blank();
      const words = v.changeStyle === 'words' || (v.changeStyle === 'mixed' && rng.chance(0.5));
      if (n === 0) return digits('0');
      if (words) return (n < 0 ? '减少' : '增加') + digits(String(Math.abs(n)));
      if (n < 0) return '-' + digits(String(-n));
      return (v.plusSign ? '+' : '') + digits(String(n));
    },
    fee(x) {
      if (x === null) return blank();
      let s = v.feeFixed && x !== 0 ? x.toFixed(2) : String(x);
      s = digits(s);
      return v.feeUnitInCell && x !== 0 ? s + '万元' : s;
    },
    amount(x, unitName) {
      if (x === null) return blank();
      let s = String(x);
      if (unitName === '元' && rng.chance(0.3) && !Number.isInteger(x)) s = x.toFixed(2);
      s = digits(s);
      return v.procurementUnitPlace === 'cell' ? s + unitName : s;
    },
    /** an item label: numbering + text, with this report's misprints and quotes */
    item(n, path, text, group) {
      const style = group === 'otherHandling' ? v.numberingOther : v.numberingMixed && rng.chance(0.3) ? rng.pick(Object.keys(NUMBERING)) : v.numbering;
      return NUMBERING[style](n) + this.wording(path, text);
    },
    wording(path, text) {
      let t = v.misprints.includes(path) ? MISPRINTS[path][0] : text;
      if (v.quotes === 'straight') t = t.replace(/[“”]/g, '"');
      if (v.quotes === 'none') t = t.replace(/[“”]/g, '');
      return this.kangxi(t);
    },
    /** （三） or (三) */
    group(n, text) {
      const ascii = v.groupParen === 'ascii' || (v.groupParen === 'mixed' && rng.chance(0.5));
      const num = CN_NUM[n];
      return this.kangxi((ascii ? `(${num})` : `（${num}）`) + text);
    },
    /** ⼀ (U+2F00) for 一 and ⽇ (U+2F47) for 日, as text extracted from some PDFs has them */
    kangxi(t) {
      if (!v.kangxi || !rng.chance(0.6)) return t;
      return t.replace(/一/g, '\u2f00').replace(/日/g, '\u2f47');
    },
  };
}

module.exports = { drawVariants, makePrinter, NUMBERING, toFullwidth };
