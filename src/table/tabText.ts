import { Block, Cell, Row, cell, paragraph, placeholder, row, table } from '../model';
import { joinLines } from '../text/normalize';
import { isSectionHeading } from '../text/headings';

/**
 * Rebuilds tables from "tab-broken" text: what a DOCX or a web page gives when copied as text
 * (see samples/seed/daoli-2021.txt).
 *   - every cell starts on a line of its own behind a TAB;
 *   - a cell whose text has several lines continues on the following lines WITHOUT a tab
 *     (社会 / 公益 / 组织; vertical headers 结 / 果 / 维 / 持; a stray empty paragraph before "0");
 *   - a blank line ends a table row; a bare TAB line is the stand-in for a vertically merged cell;
 *   - a line with TABs between cells (a web table copied row by row) is one row by itself;
 *   - a line of prose after a blank line ends the table.
 */
export function blocksFromTabText(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let cells: Cell[] = [];
  /** Lines of the cell being read, with the line number it started on. */
  let cur: { lines: string[]; line: number } | null = null;
  let afterBlank = true;
  let tableStart = 0;

  const endCell = () => {
    if (!cur) return;
    const textOf = joinLines(cur.lines);
    const onlyTab = cur.lines.length === 1 && cur.lines[0] === '';
    cells.push(onlyTab ? placeholder({ line: cur.line }) : cell(textOf, { source: { line: cur.line } }));
    cur = null;
  };
  const endRow = () => {
    endCell();
    if (cells.length) rows.push(row(cells));
    cells = [];
  };
  const endTable = () => {
    endRow();
    if (rows.length) blocks.push(table(rows, { line: tableStart }));
    rows = [];
  };

  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.includes('\t')) {
      if (!rows.length && !cells.length && !cur) tableStart = n;
      const parts = line.split('\t');
      const own = line.startsWith('\t') ? parts.slice(1) : parts;
      if (own.length > 1) {
        // A whole row on one line.
        endRow();
        for (const p of own) cells.push(p.trim() ? cell(p.trim(), { source: { line: n } }) : placeholder({ line: n }));
        endRow();
      } else {
        endCell();
        cur = { lines: [own[0] ?? ''], line: n };
      }
      afterBlank = false;
      return;
    }
    if (!line.trim()) {
      if (rows.length || cells.length || cur) endRow();
      afterBlank = true;
      return;
    }
    const inTable = rows.length > 0 || cells.length > 0 || cur !== null;
    if (inTable && !afterBlank && !isSectionHeading(line)) {
      if (!cur) cur = { lines: [], line: n };
      cur.lines.push(line);
      return;
    }
    endTable();
    blocks.push(paragraph(line.trim(), { line: n }));
    afterBlank = false;
  });
  endTable();
  return blocks;
}
