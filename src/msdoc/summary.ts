import iconv from 'iconv-lite';
import { Cfb } from './cfb';

/**
 * The title from an OLE file's "\x05SummaryInformation" property set ([MS-OLEPS]): PIDSI_TITLE, a string in the
 * set's own code page (936, GBK, for most Chinese Word files). Anything unexpected gives no title, never an error.
 */

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const VT_I2 = 2;
const VT_LPSTR = 30;
const VT_LPWSTR = 31;

export function summaryTitle(cfb: Cfb): string | undefined {
  try {
    const s = cfb.stream('\x05SummaryInformation');
    if (!s || s.length < 48) return undefined;
    const section = s.readUInt32LE(44);
    const count = s.readUInt32LE(section + 4);
    const props = new Map<number, number>();
    for (let i = 0; i < Math.min(count, 256); i++) props.set(s.readUInt32LE(section + 8 + i * 8), section + s.readUInt32LE(section + 12 + i * 8));
    let codepage = 1252;
    const cpAt = props.get(PID_CODEPAGE);
    if (cpAt !== undefined && s.readUInt32LE(cpAt) === VT_I2) codepage = s.readUInt16LE(cpAt + 4);
    const at = props.get(PID_TITLE);
    if (at === undefined) return undefined;
    const type = s.readUInt32LE(at);
    const n = s.readUInt32LE(at + 4);
    let title: string;
    if (type === VT_LPWSTR || (type === VT_LPSTR && codepage === 1200)) title = s.toString('utf16le', at + 8, at + 8 + (type === VT_LPWSTR ? n * 2 : n));
    else if (type === VT_LPSTR) {
      const bytes = s.subarray(at + 8, at + 8 + n);
      const enc = codepage === 65001 ? 'utf8' : `cp${codepage}`;
      title = iconv.encodingExists(enc) ? iconv.decode(bytes, enc) : bytes.toString('latin1');
    } else return undefined;
    title = title.replace(/\0[\s\S]*$/, '').trim();
    return title || undefined;
  } catch {
    return undefined;
  }
}
