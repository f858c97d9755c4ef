import { parseYaml, YamlError } from '../../src/harvest/yaml';

/** The YAML subset a sources file needs: what it reads, and what it refuses rather than misread. */

test('a list of mappings with scalars, flow and block sequences, quotes and comments', () => {
  const text = `---
# sources
- name: 示例区人民政府   # trailing comment
  url: https://www.example.gov.cn/zwgk/ndbg/index.html
  attachments: [pdf, 'doc', "docx"]
  pageUrl: index_\\d+\\.html
  maxPages: 10
- name: "quoted: with colon"
  url:
    - https://a.example.gov.cn/list.html
    - 'https://b.example.gov.cn/list.html#x'
  linkText: '2023年''s 年报'
  enabled: true
  nothing:
urls:
- not part of the list above
`;
  expect(() => parseYaml(text)).toThrow(YamlError); // a top-level key after a top-level list
  expect(parseYaml(text.split('urls:')[0]!)).toEqual([
    { name: '示例区人民政府', url: 'https://www.example.gov.cn/zwgk/ndbg/index.html', attachments: ['pdf', 'doc', 'docx'], pageUrl: 'index_\\d+\\.html', maxPages: 10 },
    { name: 'quoted: with colon', url: ['https://a.example.gov.cn/list.html', 'https://b.example.gov.cn/list.html#x'], linkText: "2023年's 年报", enabled: true, nothing: null },
  ]);
});

test('a sequence may sit at its key\'s indentation, and mappings nest', () => {
  expect(parseYaml('a:\n- 1\n- two\nb:\n  c: 3\n  d: [x]\n')).toEqual({ a: [1, 'two'], b: { c: 3, d: ['x'] } });
  expect(parseYaml('- - 1\n  - 2\n- 3\n')).toEqual([[1, 2], 3]);
  expect(parseYaml('# only a comment\n')).toBeNull();
});

test.each([
  ['anchors', '- name: &a x\n', /line 1: "&"/],
  ['block scalars', 'a: |\n  text\n', /line 1: "\|"/],
  ['flow mappings', 'a: {b: 1}\n', /line 1: "\{"/],
  ['tabs', 'a:\n\t- 1\n', /line 2: indent with spaces/],
  ['bad indentation', 'a: 1\n   b: 2\n', /line 2/],
  ['duplicate keys', 'a: 1\na: 2\n', /line 2: "a" is given twice/],
  ['unterminated quotes', 'a: "x\n', /line 1: unterminated/],
  ['a line that is no key', '- a: 1\n  just text\n', /line 2: expected "key: value"/],
])('refuses %s with the line number', (_what, text, message) => {
  expect(() => parseYaml(text)).toThrow(message);
});
