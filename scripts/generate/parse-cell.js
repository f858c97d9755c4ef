'use strict';
// A reference reading of one printed number cell, as the contract defines it. Used only to self-check the
// generator (every printed cell must read back as its expected value).

function parseCell(s) {
  let t = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\u00a0]/g, '');
  if (!/\d/.test(t)) return null;
  let sign = 1;
  if (t.startsWith('减少')) { sign = -1; t = t.slice(2); } else if (t.startsWith('增加')) t = t.slice(2);
  t = t.replace(/,/g, '').replace(/(件|个|条|万元|元)$/, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) throw new Error(`unreadable number cell ${JSON.stringify(s)}`);
  return sign * Number(t);
}

module.exports = { parseCell };
