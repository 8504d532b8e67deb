import { Random } from './index';

const take = (random: Random, n: number) => Array.from({ length: n }, () => random.next());

describe('seeded random', () => {
  // Generated demo stores and risk streams are pinned by these streams: they must never change.
  it.each([
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
    [2026, [0.45540769933722913, 0.30849614599719644, 0.6611574492417276]],
  ])('seed %d gives the same stream as ever', (seed, expected) => {
    expect(take(new Random(seed), 3)).toEqual(expected);
  });

  it('repeats a stream for the same seed and gives another for another seed', () => {
    expect(take(new Random(7), 20)).toEqual(take(new Random(7), 20));
    expect(take(new Random(7), 20)).not.toEqual(take(new Random(8), 20));
  });

  it('keeps integers, digits and hex within their bounds', () => {
    const random = new Random(11);
    const ints = Array.from({ length: 2000 }, () => random.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    expect(random.digits(12)).toMatch(/^\d{12}$/);
    expect(random.hex(14)).toMatch(/^[0-9a-f]{14}$/);
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
  });
});
