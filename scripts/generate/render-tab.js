'use strict';
// The tab-broken text a DOCX gives when copied (the style of the seed daoli-2021.txt):
// paragraphs as plain lines; each table cell on its own line after a TAB, a cell's later lines on
// following lines without a tab; a bare TAB line for each row a vertically merged cell continues into
// (one per merged cell, however wide); a blank line after each row and one more after the table.

function tableLines(rows) {
  const out = [];
  const width = rows[0].reduce((s, c) => s + c.cs, 0);
  const carry = new Array(width).fill(null); // carry[col] = { left, cs } for a cell merged down from above
  for (const row of rows) {
    let k = 0;
    let col = 0;
    while (col < width) {
      const cont = carry[col];
      if (cont && cont.left > 0) {
        out.push('\t');
        cont.left -= 1;
        col += cont.cs;
        continue;
      }
      const c = row[k++];
      if (!c) throw new Error(`row too short at column ${col}`);
      out.push('\t' + c.lines[0].replace(/\u00a0/g, '\u00a0'));
      for (const l of c.lines.slice(1)) out.push(l);
      carry[col] = c.rs > 1 ? { left: c.rs - 1, cs: c.cs } : null;
      col += c.cs;
    }
    if (k !== row.length) throw new Error(`row has ${row.length - k} cells too many`);
    out.push('');
  }
  out.push('');
  return out;
}

function renderTab(blocks) {
  const out = [];
  for (const b of blocks) {
    if (b.t === 'title') {
      out.push(...b.lines, '');
    } else if (b.t === 'p') {
      out.push(b.text);
    } else {
      out.push(...tableLines(b.rows));
    }
  }
  return out.join('\n') + '\n';
}

module.exports = { renderTab, tableLines };
