import { DocModel, docModel } from '../model';
import { sniffDecode } from '../text/decode';
import { blocksFromTabText } from '../table/tabText';

/** Plain text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK): tab-broken grids are rebuilt by table/tabText. */
export function readText(buf: Uint8Array): DocModel {
  const { text } = sniffDecode(buf);
  return docModel('text', blocksFromTabText(text));
}
