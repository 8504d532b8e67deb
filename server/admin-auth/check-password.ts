import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares passwords in constant time, whatever their lengths. */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
