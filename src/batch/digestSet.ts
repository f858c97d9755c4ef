/**
 * A set of SHA-256 digests, given and asked for in hex, held in one open-addressing table by their first 128
 * bits (two different files agreeing in those is as unlikely as a collision of a 128-bit hash: never, in
 * practice). Batch keeps one entry for every file it has seen (what OUT already holds, what this run has sent):
 * as strings in a Set that was about 110 bytes a file, and most of what a long run kept over a short one.
 */

const BYTES = 16;
const HEX = /^[0-9a-f]{64}$/i;

/** The value of one hex digit's character code (already checked to be one). */
const nibble = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);

export class DigestSet {
  private slots: Uint8Array;
  private filled: Uint8Array;
  private count = 0;
  private readonly key = new Uint8Array(BYTES);

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.slots = new Uint8Array(n * BYTES);
    this.filled = new Uint8Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a digest; false (and nothing added) for what is not 64 hex digits. */
  add(hex: string): boolean {
    if (!this.parse(hex)) return false;
    if ((this.count + 1) * 2 > this.filled.length) this.grow();
    const slot = this.find(this.key);
    if (!this.filled[slot]) {
      this.filled[slot] = 1;
      this.slots.set(this.key, slot * BYTES);
      this.count++;
    }
    return true;
  }

  has(hex: string): boolean {
    return this.parse(hex) && this.filled[this.find(this.key)] === 1;
  }

  /** Into this.key, with no garbage (it runs for every file); digests are uniform, so their first bytes serve as the hash. */
  private parse(hex: string): boolean {
    if (!HEX.test(hex)) return false;
    for (let i = 0; i < BYTES; i++) this.key[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
    return true;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing; the table is never full). */
  private find(key: Uint8Array): number {
    const mask = this.filled.length - 1;
    let slot = ((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) & mask;
    while (this.filled[slot]) {
      if (this.equals(slot, key)) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private equals(slot: number, key: Uint8Array): boolean {
    const at = slot * BYTES;
    for (let i = 0; i < BYTES; i++) if (this.slots[at + i] !== key[i]) return false;
    return true;
  }

  private grow(): void {
    const { slots, filled } = this;
    this.slots = new Uint8Array(slots.length * 2);
    this.filled = new Uint8Array(filled.length * 2);
    for (let s = 0; s < filled.length; s++) {
      if (!filled[s]) continue;
      const key = slots.subarray(s * BYTES, (s + 1) * BYTES);
      const to = this.find(key);
      this.filled[to] = 1;
      this.slots.set(key, to * BYTES);
    }
  }
}
