export { Random } from '../../../core/random';

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
