/**
 * The YAML that a sources file needs, and no more (no YAML package is a dependency): block sequences and mappings
 * nested by indentation (spaces), `- key: value` items, flow sequences of scalars (`[pdf, doc]`), plain, 'single'
 * and "double" quoted scalars, numbers, true/false/null, `#` comments and a leading `---`. Anchors, aliases, tags,
 * flow mappings and multi-line scalars (| and >) are refused with the line number rather than misread.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {}

interface Line {
  no: number;
  indent: number;
  text: string;
}

/** Cuts a comment: `#` at the start or after a space, outside quotes. */
function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i);
  }
  return s;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const content = stripComment(raw).trimEnd();
    if (!content.trim() || (lines.length === 0 && content === '---')) return;
    const indent = /^ */.exec(content)![0].length;
    if (content[indent] === '\t') throw new YamlError(`line ${i + 1}: indent with spaces, not tabs`);
    lines.push({ no: i + 1, indent, text: content.slice(indent) });
  });
  return lines;
}

function splitFlow(inner: string, no: number): string[] {
  const items: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') throw new YamlError(`line ${no}: nested flow collections are not supported`);
    else if (c === ',') {
      items.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) items.push(cur.trim());
  return items;
}

function scalar(s: string, no: number): YamlValue {
  if (s.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) throw new YamlError(`line ${no}: unterminated or trailing text after "…"`);
    return JSON.parse(s) as string;
  }
  if (s.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(s)) throw new YamlError(`line ${no}: unterminated or trailing text after '…'`);
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new YamlError(`line ${no}: a flow sequence must end on its line with ]`);
    return splitFlow(s.slice(1, -1), no).map((item) => scalar(item, no));
  }
  if (/^[{|>&*!%@`]/.test(s)) throw new YamlError(`line ${no}: "${s[0]}" (flow mappings, block scalars, anchors, tags) is not supported; quote the value`);
  if (s === '' || s === '~' || s === 'null') return null;
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^[-+]?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#\-?:][^:]*?|-[^\s:][^:]*?)\s*:(?:\s+(.*))?$/;

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Parses the block that starts at lines[i] with the given indentation; returns it and the next line's index. */
function block(lines: Line[], i: number, indent: number): [YamlValue, number] {
  const first = lines[i]!;
  if (isItem(first.text)) {
    const list: YamlValue[] = [];
    while (i < lines.length && lines[i]!.indent === indent && isItem(lines[i]!.text)) {
      const line = lines[i]!;
      const rest = line.text.slice(1).trimStart();
      if (!rest) {
        const next = lines[i + 1];
        if (!next || next.indent <= indent) {
          list.push(null);
          i++;
        } else {
          const [v, j] = block(lines, i + 1, next.indent);
          list.push(v);
          i = j;
        }
      } else if (KEY.test(rest) || isItem(rest)) {
        // "- key: value": a mapping (or sequence) whose first line shares the dash's line.
        const inner = indent + (line.text.length - rest.length);
        const copy = lines.slice();
        copy[i] = { no: line.no, indent: inner, text: rest };
        const [v, j] = block(copy, i, inner);
        list.push(v);
        i = j;
      } else {
        list.push(scalar(rest, line.no));
        i++;
      }
    }
    return [list, i];
  }
  const map: { [key: string]: YamlValue } = {};
  while (i < lines.length && lines[i]!.indent === indent) {
    const line = lines[i]!;
    const m = KEY.exec(line.text);
    if (!m) throw new YamlError(`line ${line.no}: expected "key: value"`);
    const key = scalar(m[1]!, line.no);
    if (typeof key !== 'string') throw new YamlError(`line ${line.no}: a key must be text`);
    if (key in map) throw new YamlError(`line ${line.no}: "${key}" is given twice`);
    i++;
    if (m[2] !== undefined && m[2] !== '') {
      map[key] = scalar(m[2], line.no);
      continue;
    }
    const next = lines[i];
    // A sequence may sit at its key's own indentation ("urls:\n- a").
    if (next && (next.indent > indent || (next.indent === indent && isItem(next.text)))) {
      const [v, j] = block(lines, i, next.indent);
      map[key] = v;
      i = j;
    } else map[key] = null;
  }
  return [map, i];
}

export function parseYaml(text: string): YamlValue {
  const lines = toLines(text);
  if (lines.length === 0) return null;
  const [value, i] = block(lines, 0, lines[0]!.indent);
  const stray = lines[i];
  if (stray) throw new YamlError(`line ${stray.no}: unexpected indentation or structure`);
  return value;
}
