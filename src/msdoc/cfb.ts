/**
 * A reader for the Compound File Binary format ([MS-CFB]): the OLE container of Word 97–2003 files, and of
 * password-protected OOXML packages (whose streams are EncryptionInfo and EncryptedPackage). The whole file is
 * in memory, so streams are read synchronously. Every chain is bounded, so a corrupt file cannot loop.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

export class CfbError extends Error {}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface Cfb {
  /** Names of the streams directly in the root storage. */
  streams: string[];
  /** A root-level stream's bytes, or undefined when there is none by that name. */
  stream(name: string): Buffer | undefined;
}

export function readCfb(data: Uint8Array): Cfb {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 512 || !CFB_MAGIC.every((b, i) => buf[i] === b)) throw new CfbError('not an OLE compound file');
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new CfbError(`bad sector size 2^${shift}`);
  const sectorSize = 1 << shift;
  const miniShift = buf.readUInt16LE(0x20);
  const miniSize = 1 << miniShift;
  const miniCutoff = buf.readUInt32LE(0x38);

  const sectorOffset = (id: number) => {
    const at = (id + 1) * sectorSize;
    if (at >= buf.length) throw new CfbError(`sector ${id} lies outside the file`);
    return at;
  };

  // The DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = buf.readUInt32LE(0x4c + i * 4);
    if (id < END_OF_CHAIN - 2) fatSectors.push(id);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let n = buf.readUInt32LE(0x48); n > 0 && difat < END_OF_CHAIN - 2; n--) {
    const at = sectorOffset(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const id = buf.readUInt32LE(at + i * 4);
      if (id < END_OF_CHAIN - 2) fatSectors.push(id);
    }
    difat = buf.readUInt32LE(at + sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((id, k) => {
    const at = sectorOffset(id);
    for (let i = 0; i < sectorSize / 4; i++) fat[k * (sectorSize / 4) + i] = buf.readUInt32LE(at + i * 4);
  });

  const chain = (start: number, table: Uint32Array): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN && id !== NO_STREAM; id = table[id] ?? END_OF_CHAIN) {
      if (id >= table.length || ids.length > table.length) throw new CfbError('broken sector chain');
      ids.push(id);
    }
    return ids;
  };
  const readChain = (start: number, size?: number): Buffer => {
    const parts = chain(start, fat).map((id) => {
      const at = sectorOffset(id);
      return buf.subarray(at, Math.min(at + sectorSize, buf.length));
    });
    const all = Buffer.concat(parts);
    return size === undefined ? all : all.subarray(0, size);
  };

  const dir = readChain(buf.readUInt32LE(0x30));
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameLength = Math.min(64, dir.readUInt16LE(at + 0x40));
    entries.push({
      name: dir.toString('utf16le', at, at + Math.max(0, nameLength - 2)),
      type: dir[at + 0x42]!,
      left: dir.readUInt32LE(at + 0x44),
      right: dir.readUInt32LE(at + 0x48),
      child: dir.readUInt32LE(at + 0x4c),
      start: dir.readUInt32LE(at + 0x74),
      // Version 3 files may leave junk in the high half of the size.
      size: sectorSize === 512 ? dir.readUInt32LE(at + 0x78) : Number(dir.readBigUInt64LE(at + 0x78)),
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('no root storage');

  // The root storage's children form a red-black tree over left/right siblings.
  const children = new Map<string, Entry>();
  const stack = [root.child];
  const seen = new Set<number>();
  while (stack.length) {
    const i = stack.pop()!;
    if (i === NO_STREAM || seen.has(i)) continue;
    seen.add(i);
    const e = entries[i];
    if (!e) continue;
    if (e.type === 2) children.set(e.name, e);
    stack.push(e.left, e.right);
  }

  let mini: { stream: Buffer; fat: Uint32Array } | undefined;
  const miniParts = () => {
    if (!mini) {
      const mfat = readChain(buf.readUInt32LE(0x3c));
      const table = new Uint32Array(mfat.length / 4);
      for (let i = 0; i < table.length; i++) table[i] = mfat.readUInt32LE(i * 4);
      mini = { stream: readChain(root.start, root.size), fat: table };
    }
    return mini;
  };

  return {
    streams: [...children.keys()],
    stream(name) {
      const e = children.get(name);
      if (!e) return undefined;
      if (e.size >= miniCutoff) return readChain(e.start, e.size);
      const m = miniParts();
      const parts = chain(e.start, m.fat).map((id) => m.stream.subarray(id * miniSize, (id + 1) * miniSize));
      return Buffer.concat(parts).subarray(0, e.size);
    },
  };
}
