/**
 * Memo of facts about words, looked up straight from the text: the key is hashed and compared
 * code unit by code unit against a packed pool, so a word seen before costs no `slice`, no
 * `toLowerCase`, no string hashing and few cache misses. Keys with non-ASCII code units are
 * lower-cased through `toLowerCase` first.
 */
export class WordTable<T> {
  private slots: Int32Array = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  private hashes: Int32Array = new Int32Array(1 << 13);
  private offsets: Int32Array = new Int32Array(1 << 13);
  private pool: Uint16Array = new Uint16Array(1 << 16);
  private used = 0;
  private keys: string[] = [];
  private values: T[] = [];

  constructor(
    private readonly compute: (key: string) => T,
    private readonly limit = 200_000,
  ) {}

  /** The value for `text[start, end)`, lower-cased first when `fold`. Computed once per key. */
  get(text: string, start: number, end: number, fold: boolean): T {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128)
        return this.getString(fold ? text.slice(start, end).toLowerCase() : text.slice(start, end));
      if (fold && c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return this.getHashed(text, start, end, fold, h);
  }

  /**
   * {@link get} for an ASCII-only `text[start, end)` whose hash the caller computed while scanning
   * it: FNV-1a over its code units, A-Z folded to a-z when `fold` (see {@link fnvStep}).
   */
  getHashed(text: string, start: number, end: number, fold: boolean, h: number): T {
    const length = end - start;
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]! - 1;
      if (id < 0) break;
      if (this.hashes[id] === h && this.offsets[id + 1]! - this.offsets[id]! === length) {
        const at = this.offsets[id]!;
        let k = 0;
        for (; k < length; k++) {
          let c = text.charCodeAt(start + k);
          if (fold && c >= 65 && c <= 90) c += 32;
          if (c !== this.pool[at + k]) break;
        }
        if (k === length) return this.values[id]!;
      }
      slot = (slot + 1) & this.mask;
    }
    const key = fold ? text.slice(start, end).toLowerCase() : text.slice(start, end);
    return this.insert(key, h);
  }

  /** The value for a key given as a string (no folding). */
  getString(key: string): T {
    const h = hashOf(key);
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]! - 1;
      if (id < 0) break;
      if (this.hashes[id] === h && this.keys[id] === key) return this.values[id]!;
      slot = (slot + 1) & this.mask;
    }
    return this.insert(key, h);
  }

  private insert(key: string, hash: number): T {
    const value = this.compute(key);
    if (this.keys.length >= this.limit) {
      this.keys = [];
      this.values = [];
      this.used = 0;
      this.slots.fill(0);
    }
    const id = this.keys.length;
    if (id + 2 > this.offsets.length) {
      this.offsets = grown(this.offsets, this.offsets.length * 2);
      this.hashes = grown(this.hashes, this.hashes.length * 2);
    }
    if (this.used + key.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + key.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = 0; i < key.length; i++) this.pool[this.used + i] = key.charCodeAt(i);
    this.offsets[id] = this.used;
    this.used += key.length;
    this.offsets[id + 1] = this.used;
    this.hashes[id] = hash;
    this.keys.push(key);
    this.values.push(value);
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, this.slots, this.mask);
    return value;
  }

  private place(id: number, slots: Int32Array, mask: number): void {
    let slot = this.hashes[id]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    for (let id = 0; id < this.keys.length; id++) this.place(id, slots, size - 1);
    this.slots = slots;
    this.mask = size - 1;
  }
}

/** Start value of the FNV-1a hash used by {@link WordTable}. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** One FNV-1a step over code unit `c`, as {@link WordTable.getHashed} expects. */
export const fnvStep = (h: number, c: number) => Math.imul(h ^ c, FNV_PRIME);

function hashOf(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

function grown(from: Int32Array, size: number): Int32Array {
  const to = new Int32Array(size);
  to.set(from);
  return to;
}
