import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSources, parseSources } from '../../src/harvest/sources';

/** Sources files: the smallest one works, JSON and YAML read the same, mistakes are named. */

test('the smallest sources file works, with every default', () => {
  const [s] = parseSources('[{"name": "x", "url": "https://www.example.gov.cn/ndbg/list.html"}]');
  expect(s).toEqual({ name: 'x', url: ['https://www.example.gov.cn/ndbg/list.html'], attachments: ['pdf', 'doc', 'docx', 'wps'] });
});

test('YAML and JSON give the same sources; rules become case-insensitive regular expressions', () => {
  const yaml = parseSources(`- name: 示例区
  url: [https://a.example.gov.cn/ndbg/, https://a.example.gov.cn/ndbg2/]
  linkText: 工作年度报告
  pageUrl: list_\\d+\\.htm
  attachments: [.PDF, ofd]
  maxPages: 3
`);
  const json = parseSources(JSON.stringify([{ name: '示例区', url: ['https://a.example.gov.cn/ndbg/', 'https://a.example.gov.cn/ndbg2/'], linkText: '工作年度报告', pageUrl: 'list_\\d+\\.htm', attachments: ['.PDF', 'ofd'], maxPages: 3 }]));
  expect(yaml).toEqual(json);
  expect(yaml[0]!.pageUrl!.test('https://a.example.gov.cn/ndbg/LIST_2.HTM')).toBe(true);
  expect(yaml[0]!.attachments).toEqual(['pdf', 'ofd']);
});

test.each([
  ['[]', /lists no source/],
  ['[{"name": "x"}]', /\[0\]\.url/],
  ['[{"name": "x", "url": "ftp://a.example/x"}]', /http or https/],
  ['[{"name": "x", "url": "https://a.example/x", "linkText": "("}]', /linkText is not a valid regular expression/],
  ['[{"name": "x", "url": "https://a.example/x", "urls": []}]', /urls/],
  ['[{"name": "x", "url": "https://a.example/x"}, {"name": "x", "url": "https://b.example/x"}]', /"x" is used twice/],
  ['[{"name": ', /JSON/],
  ['- name: x\n\turl: y\n', /YAML line 2/],
])('a mistake is named: %s', (text, message) => {
  expect(() => parseSources(text, 'sources.yaml')).toThrow(message);
});

test('a missing file is an IO error naming it', () => {
  const missing = path.join(os.tmpdir(), 'nianbao-no-such-sources.json');
  expect(() => loadSources(missing)).toThrow(expect.objectContaining({ code: 'IO', file: missing }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-src-')), 's.yaml');
  fs.writeFileSync(file, '- name: x\n  url: https://a.example.gov.cn/\n');
  expect(loadSources(file)[0]!.name).toBe('x');
});
