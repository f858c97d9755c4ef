#!/usr/bin/env node
'use strict';
// Self-check of a generated corpus: every NAME.expected.json holds exactly the contract paths of its template
// (number or null; procurement.amountUnit 元/万元 for 2019), and exactly the reports whose NAME.meta.json
// records a slip break the arithmetic (the rules of inconsistent() in the shared scorer).
//   node scripts/generate/verify.js samples/corpus

const fs = require('fs');
const path = require('path');
const M = require('./model');

function leaves(obj, prefix = '', out = []) {
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') leaves(v, p, out);
    else out.push(p);
  }
  return out;
}

function checkOne(dir, file) {
  const errors = [];
  const name = file.replace(/\.expected\.json$/, '');
  const truth = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const r = truth.report || {};
  if (typeof r.title !== 'string' || typeof r.agency !== 'string' || !r.agency) errors.push('report.title/agency missing');
  if (!Number.isInteger(r.year) || r.year < 2019) errors.push(`report.year ${r.year}`);
  if (r.templateVersion !== (r.year >= 2021 ? '2021' : '2019')) errors.push(`templateVersion ${r.templateVersion} for ${r.year}`);
  const single = M.singleOther(truth);
  if (r.templateVersion === '2019' && !single) errors.push('2019 report without a one-row （六）其他处理');
  const want = M.numericPaths(r.templateVersion, single);
  for (const p of want) {
    const v = M.get(truth, p);
    if (v === undefined) errors.push(`missing ${p}`);
    else if (v !== null && typeof v !== 'number') errors.push(`${p} is ${JSON.stringify(v)}`);
  }
  const allowed = new Set(want.concat(['report.title', 'report.agency', 'report.year', 'report.templateVersion']));
  if (r.templateVersion === '2019') {
    allowed.add('activeDisclosure.procurement.amountUnit');
    const u = M.get(truth, 'activeDisclosure.procurement.amountUnit');
    if (u !== '元' && u !== '万元') errors.push(`procurement.amountUnit ${JSON.stringify(u)}`);
  }
  for (const p of leaves(truth)) if (!allowed.has(p)) errors.push(`extra path ${p}`);
  const broken = M.inconsistent(truth);
  const metaPath = path.join(dir, `${name}.meta.json`);
  const meta = fs.existsSync(metaPath) ? JSON.parse(fs.readFileSync(metaPath, 'utf8')) : null;
  if (!meta) errors.push('no meta.json');
  else if (!!meta.slip !== broken.length > 0) {
    errors.push(meta.slip ? `flagged as a slip (${meta.slip.path}) but adds up` : `not flagged but breaks ${broken.join(', ')}`);
  }
  for (const ext of ['html', 'tab.txt']) if (!fs.existsSync(path.join(dir, `${name}.${ext}`))) errors.push(`no ${name}.${ext}`);
  return { name, errors, slip: broken.length > 0, version: r.templateVersion, single };
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: verify.js CORPUS_DIR');
    process.exit(2);
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort();
  if (!files.length) {
    console.error(`verify: no *.expected.json in ${dir}`);
    process.exit(1);
  }
  let bad = 0;
  const n = { '2019': 0, '2021': 0, single2021: 0, slips: 0 };
  for (const f of files) {
    const res = checkOne(dir, f);
    n[res.version] = (n[res.version] || 0) + 1;
    if (res.version === '2021' && res.single) n.single2021 += 1;
    if (res.slip) n.slips += 1;
    if (res.errors.length) {
      bad += 1;
      console.log(`FAIL ${res.name}: ${res.errors.slice(0, 5).join('; ')}${res.errors.length > 5 ? ` (+${res.errors.length - 5})` : ''}`);
    }
  }
  console.log(`verify: ${files.length} reports (2019: ${n['2019']}, 2021: ${n['2021']}, of which （六） as one row: ${n.single2021}), ${n.slips} slips; ${bad} failed`);
  process.exit(bad ? 1 : 0);
}

main();
