import { Random } from '../../core/random';

/** A deterministic pseudo-random source in [0, 1) (core/random's mulberry32). */
export type RandomSource = () => number;

/** Creates a deterministic random source so that training is reproducible for a given seed. */
export function createRandom(seed: number): RandomSource {
  const random = new Random(seed);
  return () => random.next();
}

/** Returns a shuffled copy (Fisher-Yates); the input is left untouched. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = tmp;
  }
  return copy;
}
