import { checkKAnonymity, effectiveK, smallestGroupSize } from './k-anonymity';

const rows = [
  ...Array.from({ length: 12 }, () => ({ ageBand: '25-34', district: 20, tier: 'SGD 20-50' })),
  ...Array.from({ length: 6 }, () => ({ ageBand: '35-44', district: 20, tier: 'SGD 20-50' })),
  { ageBand: '65+', district: 28, tier: 'SGD 500+' },
];

describe('k-anonymity', () => {
  it.each<[string[], number]>([
    [['ageBand', 'district', 'tier'], 1],
    [['district'], 1],
    [['tier'], 1],
    [[], 19],
  ])('finds the smallest group over %p', (qis, size) => {
    expect(smallestGroupSize(rows, qis)).toBe(size);
  });

  it('treats a missing value as a group of its own and gives 0 for no rows', () => {
    expect(smallestGroupSize([{ a: 1 }, { a: 1 }, {}], ['a'])).toBe(1);
    expect(smallestGroupSize([], ['a'])).toBe(0);
  });

  it('reports the groups and rows below k as a value instead of throwing', () => {
    expect(checkKAnonymity(rows, ['ageBand'], 10)).toEqual({
      ok: false,
      k: 10,
      smallestGroup: 1,
      groups: 3,
      groupsBelowK: 2,
      rowsBelowK: 7,
    });
    expect(checkKAnonymity(rows.slice(0, 12), ['ageBand'], 10)).toMatchObject({
      ok: true,
      smallestGroup: 12,
    });
    expect(checkKAnonymity([], ['ageBand'], 10)).toMatchObject({ ok: true, smallestGroup: 0 });
  });

  it.each<[number | null | undefined, number]>([
    [undefined, 10],
    [null, 10],
    [Number.NaN, 10],
    [3, 5],
    [5, 5],
    [12, 12],
    [7.8, 7],
    [-20, 5],
  ])('enforces k for setting %p as %p', (setting, k) => {
    expect(effectiveK(setting)).toBe(k);
  });
});
