'use strict';
// A government-site HTML page for one report, in one of two site styles:
//   cms   - navigation, breadcrumbs, sidebar and footer around <div id="zoom">, Word-style cell markup
//   plain - a bare page with bare tables: cells padded, or Word's cell markup without widths (v.plainCells)
// The charset declaration follows the report's encoding variant (the bytes are encoded by index.js).

const esc = (s, quot) => {
  let t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
  if (quot) t = t.replace(/"/g, '&quot;');
  return t;
};

function charsetTag(encoding) {
  switch (encoding) {
    case 'utf8': return '<meta charset="utf-8">';
    case 'utf8-bom': return '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">';
    case 'gbk-meta-charset': return '<meta charset="gbk">';
    case 'gb2312-http-equiv': return '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
    default: return ''; // gbk-undeclared: GBK bytes, nothing declared
  }
}

// column widths (px) a Word table would carry, by table role; number columns wide enough for 5 digits
const COL_WIDTHS = {
  applications: [40, 72, 190, 54, 54, 50, 50, 50, 50, 58],
  review: new Array(15).fill(42),
  active4: [150, 140, 140, 140],
  active3: [150, 210, 210],
  active2: [150, 420],
};
const widthsOf = (b) => COL_WIDTHS[b.role === 'active' ? `active${b.rows[b.rows.length - 1].reduce((s, c) => s + c.cs, 0)}` : b.role];

/** Word writes width= on every cell: the sum of the columns it spans. Mutates the cells (c.width). */
function setWidths(b) {
  const widths = widthsOf(b);
  if (!widths) return;
  const taken = [];
  b.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while ((taken[r] || [])[col]) col++;
      c.width = widths.slice(col, col + c.cs).reduce((x, y) => x + y, 0);
      for (let dr = 0; dr < c.rs; dr++) for (let dc = 0; dc < c.cs; dc++) (taken[r + dr] = taken[r + dr] || [])[col + dc] = true;
      col += c.cs;
    }
  });
}

function makeHtml(rng, v) {
  const quot = rng.chance(0.5);
  const e = (s) => esc(s, quot);
  const cms = v.site === 'cms';
  const span = (s, num) => {
    if (!cms) return e(s);
    const base = "font-size:10.5pt;font-family:宋体";
    if (num && v.nestedSpans) return `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman",serif'><span style='${base}'>${e(s)}</span></span>`;
    return `<span style='${base}'>${e(s)}</span>`;
  };
  const cmsPara = (inner) => `<p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'>${inner}</p>`;
  const cellInner = (c) => {
    const lines = c.lines;
    if (cms) {
      if (lines.length === 1 && lines[0] === '') return cmsPara(`<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span>`);
      if (v.cellLines === 'multi-p' || lines[0] === '') return lines.map((l) => cmsPara(l === '' ? span('\u00a0', c.num) : span(l, c.num))).join('');
      return cmsPara(lines.map((l) => span(l, c.num)).join('<br>'));
    }
    if (v.plainCells === 'mso') {
      const text = lines.every((l) => l === '') ? '&nbsp;' : lines.map((l) => (l === '' ? '&nbsp;' : e(l))).join('<br/>');
      return `<p class="MsoNormal" align="center"><span style="font-family:宋体;font-size:10.5pt">${text}</span></p>`;
    }
    if (v.cellLines === 'multi-p' && lines.length > 1) return lines.map((l) => `<p>${l === '' ? '&nbsp;' : e(l)}</p>`).join('');
    return lines.map(e).join('<br>');
  };
  const td = (c) => {
    const attrs = [];
    if (cms && c.width) attrs.push(`width=${c.width}`);
    if (c.rs > 1) attrs.push(cms ? `rowspan=${c.rs}` : `rowspan="${c.rs}"`);
    if (c.cs > 1) attrs.push(cms ? `colspan=${c.cs}` : `colspan="${c.cs}"`);
    if (cms) attrs.push("valign=middle style='border:solid windowtext 1.0pt;padding:0cm 2.0pt 0cm 2.0pt'");
    else if (v.plainCells === 'mso') attrs.unshift('valign="middle"');
    return `<td${attrs.length ? ' ' + attrs.join(' ') : ''}>${cellInner(c)}</td>`;
  };
  const table = (b) => {
    if (cms) setWidths(b);
    const open = cms
      ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 align=center${widthsOf(b) ? ` width=${widthsOf(b).reduce((x, y) => x + y, 0)}` : ''} style='border-collapse:collapse;border:none'>`
      : v.plainCells === 'mso'
        ? '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" align="center">'
        : '<table border="1" cellspacing="0" cellpadding="3" align="center">';
    const rows = b.rows.map((r) => (cms ? "<tr style='height:20.0pt'>" : '<tr>') + '\n' + r.map(td).join('\n') + '\n</tr>');
    return [open, cms ? '<tbody>' : '', ...rows, cms ? '</tbody>' : '', '</table>'].filter(Boolean).join('\n');
  };
  const para = (b) => {
    if (!cms) return b.text === '' ? '<p>&nbsp;</p>' : b.role === 'signature' ? `<p style="text-align:right">${e(b.text)}</p>` : `<p>${e(b.text)}</p>`;
    if (b.text === '') return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>";
    if (b.role === 'heading') return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>${e(b.text)}</span></b></p>`;
    if (b.role === 'signature') return `<p class=MsoNormal align=right style='text-align:right;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${e(b.text)}</span></p>`;
    return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${e(b.text)}</span></p>`;
  };
  const title = (b) => {
    const boldP = (s) => `<p align=center style='text-align:center'><b><span style='font-size:18.0pt;font-family:方正小标宋简体'>${e(s)}</span></b></p>`;
    if (v.title === 'h1-br') return `<h1 style="text-align:center">${b.lines.map(e).join('<br/>')}</h1>`;
    return b.lines.map(boldP).join('\n');
  };
  const body = (blocks) => blocks.map((b) => (b.t === 'title' ? title(b) : b.t === 'p' ? para(b) : table(b))).join('\n');
  return { body, e };
}

const CSS = `p.MsoNormal,li.MsoNormal{margin:0cm;text-align:justify;font-size:10.5pt}
body{font-family:"Microsoft YaHei",SimSun,sans-serif;margin:0}.header{background:#b5121b;color:#fff;padding:10px 40px}
.nav a{color:#fff;margin-right:18px}.crumb{padding:8px 40px;font-size:13px}.main{display:flex;padding:0 40px}
.sidebar{width:180px;font-size:14px}.article{flex:1;padding-left:20px}.info{color:#666;font-size:13px;text-align:center}
.footer{border-top:2px solid #b5121b;margin-top:30px;padding:12px 40px;font-size:12px;color:#555;text-align:center}`;

const ICP = { 江苏省: '苏', 浙江省: '浙', 广东省: '粤', 黑龙江省: '黑', 湖南省: '湘', 四川省: '蜀', 山东省: '鲁', 河南省: '豫', 福建省: '闽', 安徽省: '皖' };

function renderHtml(rng, blocks, data, v, text) {
  const { body, e } = makeHtml(rng, v);
  const fullTitle = text.title.join('');
  const head = [charsetTag(v.encoding), `<title>${e(fullTitle)}</title>`].filter(Boolean);
  if (v.site === 'plain') {
    return `<!DOCTYPE html>\n<html>\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body(blocks)}\n</body>\n</html>\n`;
  }
  const place = data.kind.startsWith('province') ? data.province : data.kind.startsWith('city') ? data.city : data.district;
  const siteName = `${place}人民政府门户网站`;
  const id = rng.int(1000000, 9999999);
  const views = rng.int(100, 20000);
  head.push(`<meta name="SiteName" content="${e(siteName)}">`, `<meta name="ArticleTitle" content="${e(fullTitle)}">`,
    `<meta name="PubDate" content="${text.published} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}">`,
    `<meta name="ContentSource" content="${e(data.agency)}">`, `<style>\n${CSS}\n</style>`,
    `<script src="/js/jquery-1.12.4.min.js"></script>`);
  const older = [1, 2].map((k) => `<li><a href="/art/${data.year - k}/${id - k * 311}.html">${e(data.agency)}${data.year - k}年政府信息公开工作年度报告</a></li>`);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
${head.join('\n')}
</head>
<body>
<div class="header"><div class="logo">${e(siteName)}</div>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjxx/">走进${e(data.city)}</a></div></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fdzdgknr/">法定主动公开内容</a> &gt; 政府信息公开年报</div>
<div class="main">
<div class="sidebar"><h3>政府信息公开</h3><ul><li><a href="/zwgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/zd/">政府信息公开制度</a></li><li><a href="/zwgk/fdzdgknr/">法定主动公开内容</a></li><li class="on"><a href="/zwgk/nb/">政府信息公开年报</a></li><li><a href="/zwgk/ysqgk/">依申请公开</a></li></ul></div>
<div class="article">
<div class="info">发布日期：${text.published}　信息来源：${e(data.agency)}　浏览次数：<span id="views">${views}</span>　字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div id="zoom" class="TRS_Editor">
<div class=WordSection1 style='layout-grid:15.6pt'>
${body(blocks)}
</div>
</div>
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h4>相关阅读</h4><ul>
${older.join('\n')}
</ul></div>
</div>
</div>
<div class="footer">主办单位：${e(siteName.replace('门户网站', '办公室'))}　网站标识码：${rng.int(1000000000, 9999999999)}<br>${ICP[data.province] || '京'}ICP备${rng.int(10000000, 99999999)}号　公网安备 ${rng.int(10000000000000, 99999999999999)}号</div>
<script type="text/javascript">function doZoom(s){document.getElementById('zoom').style.fontSize=s+'px';}
var _hmt=_hmt||[];</script>
</body>
</html>
`;
}

module.exports = { renderHtml };
