import type { Element } from 'domhandler';
import { WordNames, childElements, parseXml } from './xml';

/**
 * Word's automatic list numbering (word/numbering.xml), rendered as the text Word prints before a paragraph.
 * A report whose headings are an outline list ("一、" generated, "总体情况" typed) or whose table labels are a
 * numbered list ("1." generated) loses those numerals without this, and the numerals are what the mapper matches
 * headings and rows by. Counters run in document order, per list; a deeper level restarts under a shallower one.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  /** Legal numbering: every level printed as decimal. */
  legal: boolean;
  style?: string;
}

interface ListDef {
  /** The counters' owner: lists that restart (w:startOverride) count on their own, others share their abstract list. */
  key: string;
  levels: Map<number, Level>;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number, digits = CN_DIGITS, ten = '十'): string {
  if (n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? digits[tens] : ''}${ten}${ones ? digits[ones] : ''}`;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function letters(n: number): string {
  if (n <= 0 || n > 26 * 20) return String(n);
  // Word repeats the letter: A … Z, AA … ZZ.
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function enclosed(n: number, first: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese': return enclosed(n, 0x2460);
    case 'decimalEnclosedParen': return enclosed(n, 0x2474);
    case 'decimalEnclosedFullstop': return enclosed(n, 0x2488);
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': return chinese(n);
    case 'chineseLegalSimplified':
    case 'japaneseLegal': return chinese(n, CN_LEGAL, '拾');
    case 'ideographDigital':
    case 'taiwaneseDigital': return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional': return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return EARTHLY_BRANCHES[(n - 1) % 12] ?? String(n);
    default: return String(n);
  }
}

export class ListNumbering {
  private readonly lists = new Map<string, ListDef>();
  /** Paragraph styles that carry numbering: style id → numId and level. */
  private readonly styleNums = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  /** Names as numbering.xml spells them. */
  private readonly w: WordNames;

  constructor(numbering: Element, styles?: Element) {
    const w = (this.w = new WordNames(numbering));
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of childElements(numbering).filter((e) => w.local(e) === 'abstractNum')) {
      abstracts.set(w.attr(a, 'abstractNumId') ?? '', this.levels(a));
    }
    for (const n of childElements(numbering).filter((e) => w.local(e) === 'num')) {
      const numId = w.attr(n, 'numId') ?? '';
      const abstractId = w.valOf(n, 'abstractNumId') ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      let restarts = false;
      for (const o of childElements(n).filter((e) => w.local(e) === 'lvlOverride')) {
        const ilvl = Number(w.attr(o, 'ilvl') ?? 0);
        const lvl = w.child(o, 'lvl');
        const start = w.intOf(o, 'startOverride');
        const base = lvl ? this.level(lvl) : levels.get(ilvl);
        if (base) levels.set(ilvl, start !== undefined ? { ...base, start } : base);
        if (start !== undefined) restarts = true;
      }
      this.lists.set(numId, { key: restarts ? `num:${numId}` : `abstract:${abstractId}`, levels });
    }
    if (styles) this.readStyles(styles);
  }

  private readStyles(styles: Element): void {
    const sw = new WordNames(styles);
    for (const s of childElements(styles).filter((e) => sw.local(e) === 'style')) {
      const pPr = sw.child(s, 'pPr');
      const numPr = pPr && sw.child(pPr, 'numPr');
      const basedOn = sw.valOf(s, 'basedOn');
      const numId = sw.valOf(numPr, 'numId');
      const ilvl = sw.intOf(numPr, 'ilvl');
      this.styleNums.set(sw.attr(s, 'styleId') ?? '', {
        ...(numId !== undefined ? { numId } : {}),
        ...(ilvl !== undefined ? { ilvl } : {}),
        ...(basedOn !== undefined ? { basedOn } : {}),
      });
    }
  }

  /** Undefined when the document has no numbering part: then nothing is numbered. */
  static parse(numberingXml: string | undefined, stylesXml: string | undefined): ListNumbering | undefined {
    const numbering = numberingXml ? parseXml(numberingXml) : undefined;
    return numbering && new ListNumbering(numbering, stylesXml ? parseXml(stylesXml) : undefined);
  }

  private levels(a: Element): Map<number, Level> {
    const out = new Map<number, Level>();
    for (const l of childElements(a).filter((e) => this.w.local(e) === 'lvl')) out.set(Number(this.w.attr(l, 'ilvl') ?? 0), this.level(l));
    return out;
  }

  private level(l: Element): Level {
    const val = (name: string) => this.w.valOf(l, name);
    const suffix = val('suff');
    const style = val('pStyle');
    return {
      start: this.w.intOf(l, 'start') ?? 1,
      format: val('numFmt') ?? 'decimal',
      text: val('lvlText') ?? '',
      suffix: suffix === 'nothing' ? '' : ' ',
      legal: this.w.isOn(l, 'isLgl'),
      ...(style ? { style } : {}),
    };
  }

  /** The paragraph's list and level: its own w:numPr, else its style's (through w:basedOn). */
  private numPrOf(p: Element, w: WordNames): { numId: string; ilvl?: number; style?: string } | undefined {
    const pPr = w.child(p, 'pPr');
    const numPr = pPr && w.child(pPr, 'numPr');
    const style = w.valOf(pPr, 'pStyle');
    const ownId = w.valOf(numPr, 'numId');
    if (ownId !== undefined) {
      const ilvl = w.intOf(numPr, 'ilvl');
      return { numId: ownId, ...(ilvl !== undefined ? { ilvl } : {}), ...(style ? { style } : {}) };
    }
    const seen = new Set<string>();
    for (let s = style; s !== undefined && !seen.has(s); s = this.styleNums.get(s)?.basedOn) {
      seen.add(s);
      const def = this.styleNums.get(s);
      if (def?.numId !== undefined) return { numId: def.numId, ...(def.ilvl !== undefined ? { ilvl: def.ilvl } : {}), style: s };
    }
    return undefined;
  }

  /** The number Word prints before this paragraph, with its suffix; '' when it has none (or only a bullet). */
  numberOf(p: Element, w: WordNames): string {
    const ref = this.numPrOf(p, w);
    const list = ref && this.lists.get(ref.numId);
    if (!ref || !list) return '';
    const ilvl = ref.ilvl ?? [...list.levels].find(([, l]) => l.style === ref.style)?.[0] ?? 0;
    const level = list.levels.get(ilvl);
    if (!level) return '';
    const counts = this.counters.get(list.key) ?? [];
    this.counters.set(list.key, counts);
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return '';
    const text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = list.levels.get(i);
      if (!l || level.format === 'none') return '';
      return formatNumber(counts[i] ?? l.start, level.legal ? 'decimal' : l.format);
    });
    return text ? text + level.suffix : '';
  }
}
