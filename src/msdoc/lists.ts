import { formatNumber } from '../ooxml/numbering';

/**
 * Automatic list numbers of a Word 97–2003 document ([MS-DOC] PlfLst, LVL, PlfLfo): what Word prints before a
 * list paragraph. Word turns a typed "一、" or "1." into a list item as one types ("AutoFormat as you type"), so
 * the numerals of headings and table labels are often not in the text at all. The same rules as the DOCX lists
 * (ooxml/numbering.ts): counters in document order, per list, a deeper level restarting under a shallower one.
 */

/** MSONFC number formats, by code, as their WordprocessingML names. */
const NFC = ['decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText',
  'hex', 'chicago', 'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth',
  'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth',
  'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen',
  'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand', 'decimal'];

interface Level {
  start: number;
  format: string;
  legal: boolean;
  /** The number text; characters 0–8 stand for the number of that level. */
  text: string;
  follow: string;
}

/** An LVL at `at`: its fixed part (LVLF, 28 bytes), two grpprls, then the number text. */
function readLevel(t: Buffer, at: number): { level: Level; next: number } {
  const nfc = t[at + 4]!;
  const flags = t[at + 5]!;
  const follow = t[at + 15]!;
  const cbChpx = t[at + 24]!;
  const cbPapx = t[at + 25]!;
  const xst = at + 28 + cbPapx + cbChpx;
  const cch = t.readUInt16LE(xst);
  return {
    level: {
      start: t.readInt32LE(at),
      format: nfc === 0xff ? 'none' : NFC[nfc] ?? 'decimal',
      legal: (flags & 0x04) !== 0,
      text: t.toString('utf16le', xst + 2, xst + 2 + cch * 2),
      follow: follow === 2 ? '' : ' ',
    },
    next: xst + 2 + cch * 2,
  };
}

export class DocLists {
  private readonly lists = new Map<number, Level[]>();
  /** LFOs by 1-based index: the list they point at, and the levels whose start they override. */
  private readonly overrides: { lsid: number; starts: Map<number, number>; levels: Map<number, Level> }[] = [];
  private readonly counters = new Map<string, (number | undefined)[]>();

  private constructor(table: Buffer, fcLst: number, lcbLst: number, fcLfo: number, lcbLfo: number) {
    const count = table.readInt16LE(fcLst);
    let lvl = fcLst + lcbLst;
    for (let i = 0; i < count; i++) {
      const lstf = fcLst + 2 + i * 28;
      const simple = (table[lstf + 26]! & 0x01) !== 0;
      const levels: Level[] = [];
      for (let k = 0; k < (simple ? 1 : 9); k++) {
        const { level, next } = readLevel(table, lvl);
        levels.push(level);
        lvl = next;
      }
      this.lists.set(table.readInt32LE(lstf), levels);
    }
    if (lcbLfo < 4) return;
    const lfoCount = table.readUInt32LE(fcLfo);
    let data = fcLfo + 4 + lfoCount * 16;
    for (let i = 0; i < lfoCount; i++) {
      const lfo = fcLfo + 4 + i * 16;
      const entry = { lsid: table.readInt32LE(lfo), starts: new Map<number, number>(), levels: new Map<number, Level>() };
      const clfolvl = table[lfo + 12]!;
      data += 4; // LFOData.cp
      for (let k = 0; k < clfolvl; k++) {
        const start = table.readInt32LE(data);
        const flags = table.readUInt32LE(data + 4);
        data += 8;
        const ilvl = flags & 0x0f;
        if (flags & 0x10) entry.starts.set(ilvl, start);
        if (flags & 0x20) {
          const { level, next } = readLevel(table, data);
          entry.levels.set(ilvl, level);
          data = next;
        }
      }
      this.overrides.push(entry);
    }
  }

  /** Undefined when the document has no lists, or when they cannot be read (then nothing is numbered). */
  static read(word: Buffer, table: Buffer): DocLists | undefined {
    if (word.length < 0x2f2 || word.readUInt16LE(0x98) < 75) return undefined;
    const [fcLst, lcbLst, fcLfo, lcbLfo] = [0x2e2, 0x2e6, 0x2ea, 0x2ee].map((o) => word.readUInt32LE(o)) as [number, number, number, number];
    if (lcbLst < 2 || fcLst + lcbLst > table.length || fcLfo + lcbLfo > table.length) return undefined;
    try {
      return new DocLists(table, fcLst, lcbLst, fcLfo, lcbLfo);
    } catch (e) {
      if (e instanceof RangeError) return undefined;
      throw e;
    }
  }

  /** The number Word prints before a paragraph of list `ilfo` (1-based) at level `ilvl`, with what follows it. */
  numberOf(ilfo: number, ilvl: number): string {
    const lfo = this.overrides[ilfo - 1];
    const base = lfo && this.lists.get(lfo.lsid);
    if (!lfo || !base) return '';
    const levelAt = (i: number): Level | undefined => {
      const l = lfo.levels.get(i) ?? base[i];
      const start = lfo.starts.get(i);
      return l && start !== undefined ? { ...l, start } : l;
    };
    const level = levelAt(ilvl);
    if (!level) return '';
    // A list that restarts its numbers (an override with a start) counts on its own.
    const key = lfo.starts.size ? `lfo:${ilfo}` : `lst:${lfo.lsid}`;
    const counts = this.counters.get(key) ?? [];
    this.counters.set(key, counts);
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return '';
    let text = '';
    for (const ch of level.text) {
      const k = ch.charCodeAt(0);
      if (k > 8) text += ch;
      else if (level.format !== 'none') {
        const l = levelAt(k);
        if (l) text += formatNumber(counts[k] ?? l.start, level.legal ? 'decimal' : l.format);
      }
    }
    return text ? text + level.follow : '';
  }
}
