import { Cfb } from './cfb';
import { DocLists } from './lists';

/**
 * The main text of a Word 97–2003 binary document ([MS-DOC]) as paragraphs that know their table structure.
 * word-extractor's getBody() cannot give this: it prints every cell end as a TAB and marks a row end with a newline
 * only when the row's properties sit in the PAPX page itself; a wide row's properties live in the Data stream
 * (sprmPHugePapx), which it does not follow, so such a row ends in a TAB too and an empty cell and the end of a
 * row look the same. It knows nothing of merged cells either. Here the paragraph properties are read from the
 * PAPX pages and the Data stream: table depth, cell end, row end, and for each row end the row's cell edges and
 * merge flags.
 */

export class Word97Error extends Error {
  constructor(message: string, readonly encrypted = false) {
    super(message);
  }
}

/** One cell's layout in a row: its left and right edge (twips) and its merge flags (TC80). */
export interface CellDef {
  left: number;
  right: number;
  /** Old-style horizontal merge: first cell of a merged run, or a cell merged into the one before. */
  hMerge?: 'restart' | 'continue';
  vMerge?: 'restart' | 'continue';
}

export interface WordParagraph {
  /** Text with '\n' for manual line breaks; fields show their result, never their code. */
  text: string;
  /** 0 in the body, 1 in a table, 2 in a table inside a table cell … */
  depth: number;
  /** 'cell' ends a cell at `depth`, 'row' ends a row (and carries the row's cells). */
  end: 'para' | 'cell' | 'row';
  cells?: CellDef[];
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  bpc: 1 | 2;
  prm: number;
}

interface Run {
  fcStart: number;
  fcEnd: number;
  grpprl: Buffer;
}

/** cp1252 bytes 0x80–0x9F that differ from Latin-1 (8-bit "compressed" pieces). */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** Walks a grpprl: calls `f(opcode, operandOffset, operandLength)` for each sprm. */
function eachSprm(g: Buffer, f: (op: number, at: number, len: number) => void, start = 0): void {
  let at = start;
  while (at + 2 <= g.length) {
    const op = g.readUInt16LE(at);
    at += 2;
    let len: number;
    switch (op >> 13) {
      case 0: case 1: len = 1; break;
      case 2: case 4: case 5: len = 2; break;
      case 3: len = 4; break;
      case 7: len = 3; break;
      default:
        if (at >= g.length) return;
        if (op === 0xd608) {
          // sprmTDefTable: a two-byte length (one more than the operand's size), unlike every other sprm.
          if (at + 2 > g.length) return;
          len = g.readUInt16LE(at) - 1;
          at += 2;
        } else if (op === 0xc615 && g[at] === 255) {
          // sprmPChgTabs with cb 255: its size follows from the tab counts inside.
          const del = g[at + 1] ?? 0;
          const add = g[at + 2 + del * 4] ?? 0;
          at += 1;
          len = 1 + del * 4 + 1 + add * 3;
        } else {
          len = g[at]!;
          at += 1;
        }
    }
    if (at + len > g.length) return;
    f(op, at, len);
    at += len;
  }
}

function readPieces(table: Buffer, fcClx: number, lcbClx: number): { pieces: Piece[]; prcs: Buffer[] } {
  const clx = table.subarray(fcClx, fcClx + lcbClx);
  const prcs: Buffer[] = [];
  let at = 0;
  while (clx[at] === 0x01) {
    const cb = clx.readUInt16LE(at + 1);
    prcs.push(clx.subarray(at + 3, at + 3 + cb));
    at += 3 + cb;
  }
  if (clx[at] !== 0x02) throw new Word97Error('no piece table');
  const lcb = clx.readUInt32LE(at + 1);
  const plc = clx.subarray(at + 5, at + 5 + lcb);
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1 || plc.length < lcb) throw new Word97Error('a broken piece table');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const pcd = (n + 1) * 4 + i * 8;
    const raw = plc.readUInt32LE(pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({
      cpStart: plc.readUInt32LE(i * 4),
      cpEnd: plc.readUInt32LE((i + 1) * 4),
      fc: compressed ? (raw & 0x3fffffff) / 2 : raw,
      bpc: compressed ? 1 : 2,
      prm: plc.readUInt16LE(pcd + 6),
    });
  }
  return { pieces, prcs };
}

/**
 * The runs of one kind of formatted property (PAPX or CHPX) from their bin table and FKP pages, sorted by file
 * position. PAPX entries may point into the Data stream (sprmPHugePapx) when they are too big for their page.
 */
function readRuns(word: Buffer, table: Buffer, fcPlc: number, lcbPlc: number, kind: 'pap' | 'chp', data?: Buffer): Run[] {
  const plc = table.subarray(fcPlc, fcPlc + lcbPlc);
  const n = (lcbPlc - 4) / 8;
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const pn = plc.readUInt32LE((n + 1) * 4 + i * 4) & 0x3fffff;
    const page = word.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = page[511]!;
    for (let j = 0; j < crun; j++) {
      const fcStart = page.readUInt32LE(j * 4);
      const fcEnd = page.readUInt32LE((j + 1) * 4);
      let grpprl: Buffer;
      if (kind === 'chp') {
        const b = page[(crun + 1) * 4 + j]! * 2;
        grpprl = b ? page.subarray(b + 1, b + 1 + page[b]!) : Buffer.alloc(0);
      } else {
        const b = page[(crun + 1) * 4 + j * 13]! * 2;
        if (!b) continue;
        const cb = page[b]!;
        // GrpPrlAndIstd: a two-byte style index, then the sprms.
        const papx = cb ? page.subarray(b + 1, b + 1 + 2 * cb - 1) : page.subarray(b + 2, b + 2 + 2 * page[b + 1]!);
        grpprl = papx.subarray(2);
        if (data && grpprl.length >= 6 && grpprl.readUInt16LE(0) === 0x6646) {
          const at = grpprl.readUInt32LE(2);
          if (at + 2 <= data.length) grpprl = data.subarray(at + 2, at + 2 + data.readUInt16LE(at));
        }
      }
      runs.push({ fcStart, fcEnd, grpprl });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function runAt(runs: readonly Run[], fc: number): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

interface ParaProps {
  inTable: boolean;
  itap?: number;
  ttp: boolean;
  innerCell: boolean;
  innerTtp: boolean;
  cells?: CellDef[];
  /** List membership: 1-based list format override, and level. */
  ilfo?: number;
  ilvl?: number;
}

function applyParaSprms(g: Buffer, p: ParaProps): void {
  eachSprm(g, (op, at, len) => {
    switch (op) {
      case 0x2416: p.inTable = g[at] === 1; break;
      case 0x2417: p.ttp = g[at] === 1; break;
      case 0x6649: p.itap = g.readInt32LE(at); break;
      case 0x664a: p.itap = (p.itap ?? (p.inTable ? 1 : 0)) + g.readInt32LE(at); break;
      case 0x244b: p.innerCell = g[at] === 1; break;
      case 0x244c: p.innerTtp = g[at] === 1; break;
      case 0x460b: p.ilfo = g.readInt16LE(at); break;
      case 0x260a: p.ilvl = g[at]!; break;
      case 0xd608: p.cells = defTable(g.subarray(at, at + len)); break;
      case 0xd62b: {
        // sprmTVertMerge: a later override of one cell's vertical merge.
        const cell = p.cells?.[g[at]!];
        const flag = g[at + 1]!;
        if (cell && len >= 2) {
          if (flag === 0) delete cell.vMerge;
          else cell.vMerge = flag === 1 ? 'continue' : 'restart';
        }
        break;
      }
      default:
    }
  });
}

/** sprmTDefTable: the cell count, the cells' edges, then one TC80 (20 bytes) per cell; trailing TC80s may be missing. */
function defTable(o: Buffer): CellDef[] {
  const count = o[0] ?? 0;
  const edges: number[] = [];
  for (let i = 0; i <= count && 1 + i * 2 + 2 <= o.length; i++) edges.push(o.readInt16LE(1 + i * 2));
  const cells: CellDef[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const cell: CellDef = { left: edges[i]!, right: edges[i + 1]! };
    const tc = 1 + (count + 1) * 2 + i * 20;
    if (tc + 2 <= o.length) {
      const rgf = o.readUInt16LE(tc);
      if (rgf & 0x2) cell.hMerge = 'continue';
      else if (rgf & 0x1) cell.hMerge = 'restart';
      if ((rgf & 0x60) === 0x20) cell.vMerge = 'continue';
      else if (rgf & 0x40) cell.vMerge = 'restart';
    }
    cells.push(cell);
  }
  return cells;
}

const MAX_DEPTH = 16;

/** Characters that are no text: object anchors, footnote marks, annotation marks, drawn objects. */
const DROP = new Set([0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1f]);

/** The main text's paragraphs, and how many pictures and drawn objects are anchored in it. */
export function readWord97(cfb: Cfb): { paragraphs: WordParagraph[]; pictures: number } {
  const word = cfb.stream('WordDocument');
  if (!word) throw new Word97Error('an OLE file with no WordDocument stream: not a Word document');
  if (word.length < 0x1aa || word.readUInt16LE(0) !== 0xa5ec) throw new Word97Error('not a Word 97–2003 document (bad FIB)');
  const flags = word.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new Word97Error('a Word 97–2003 document protected with a password; save it without one', true);
  if (word.readUInt16LE(0x02) < 0xc0) throw new Word97Error('a Word 6/95 document; only Word 97 and later are read');
  const table = cfb.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new Word97Error('the table stream is missing');
  const data = cfb.stream('Data');

  const u32 = (at: number) => word.readUInt32LE(at);
  const ccpText = u32(0x4c);
  const { pieces, prcs } = readPieces(table, u32(0x1a2), u32(0x1a6));
  const paps = readRuns(word, table, u32(0x102), u32(0x106), 'pap', data);
  const chps = readRuns(word, table, u32(0xfa), u32(0xfe), 'chp');
  const lists = DocLists.read(word, table);

  /** Deleted revisions and hidden text are not printed. */
  const unprinted = (fc: number) => {
    const r = runAt(chps, fc);
    if (!r || !r.grpprl.length) return false;
    let drop = false;
    eachSprm(r.grpprl, (op, at) => {
      if ((op === 0x0800 || op === 0x083c) && (r.grpprl[at]! & 0x01)) drop = true;
    });
    return drop;
  };
  const propsAt = (fc: number, piece: Piece): ParaProps => {
    const p: ParaProps = { inTable: false, ttp: false, innerCell: false, innerTtp: false };
    const r = runAt(paps, fc);
    if (r) applyParaSprms(r.grpprl, p);
    // A piece's own property modifier (a fast save) applies on top; only the grpprl form is read.
    if (piece.prm & 1) {
      const g = prcs[piece.prm >> 1];
      if (g) applyParaSprms(g, p);
    }
    return p;
  };

  const out: WordParagraph[] = [];
  let pictures = 0;
  let text = '';
  /** Open fields: true while inside a field's code (between 0x13 and 0x14). */
  const fields: boolean[] = [];
  for (const piece of pieces) {
    const end = Math.min(piece.cpEnd, ccpText);
    for (let cp = piece.cpStart; cp < end; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * piece.bpc;
      if (fc + piece.bpc > word.length) throw new Word97Error('the text runs past the end of the file');
      const code = piece.bpc === 2 ? word.readUInt16LE(fc) : word[fc]!;
      if (code === 0x0d || code === 0x07) {
        const p = propsAt(fc, piece);
        // Tables nest a few deep at most; a depth beyond that is damage, and would recurse without end.
        let depth = Math.min(MAX_DEPTH, Math.max(0, p.itap ?? (p.inTable ? 1 : 0)));
        if (code === 0x07 && depth === 0) depth = 1;
        const end = depth <= 1 ? (p.ttp ? 'row' : code === 0x07 ? 'cell' : 'para') : p.innerTtp ? 'row' : p.innerCell ? 'cell' : 'para';
        const number = lists && p.ilfo && p.ilfo > 0 ? lists.numberOf(p.ilfo, p.ilvl ?? 0) : '';
        out.push({ text: number + text, depth, end, ...(end === 'row' && p.cells ? { cells: p.cells } : {}) });
        text = '';
        continue;
      }
      if (code === 0x01 || code === 0x08) pictures++;
      if (code === 0x13) fields.push(true);
      else if (code === 0x14) fields[fields.length - 1] = false;
      else if (code === 0x15) fields.pop();
      if (code === 0x13 || code === 0x14 || code === 0x15 || fields.includes(true) || DROP.has(code) || unprinted(fc)) continue;
      if (code === 0x0b || code === 0x0c) text += '\n';
      else if (code === 0x09) text += ' ';
      else if (code === 0x1e) text += '-';
      else if (piece.bpc === 1 && code >= 0x80 && code <= 0x9f) text += CP1252[code] ?? '';
      else text += String.fromCharCode(code);
    }
  }
  if (text) out.push({ text, depth: 0, end: 'para' });
  return { paragraphs: out, pictures };
}
