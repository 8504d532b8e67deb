import { Random as SeededRandom } from '../../core/random';

/**
 * The risk generators' seeded source. Seed 0 runs as seed 1, as it always has here, so every
 * stream generated before the source moved to core stays the same.
 */
export class Random extends SeededRandom {
  constructor(seed: number) {
    super(seed >>> 0 || 1);
  }
}
