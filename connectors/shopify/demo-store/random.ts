/** A small seeded PRNG (mulberry32): fast, deterministic, good enough for demo data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Hashes a seed string and a list of integers into a 32-bit seed, so each entity has its own stream. */
export function seedFor(seed: string, ...parts: number[]): number {
  let h = 2166136261;
  const mix = (c: number): void => {
    h ^= c;
    h = Math.imul(h, 16777619);
  };
  for (let i = 0; i < seed.length; i++) mix(seed.charCodeAt(i));
  for (const p of parts) {
    mix(p & 0xff);
    mix((p >>> 8) & 0xff);
    mix((p >>> 16) & 0xff);
    mix((p >>> 24) & 0xff);
    mix(Math.floor(p / 4294967296) & 0xff);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
