import { ageBand, ageBandFromBirthDate } from './age-band';
import { amountTier } from './amount-tier';
import { postalDistrict } from './postal-district';

describe('ageBand', () => {
  it.each<[number | null | undefined, string]>([
    [0, 'under-18'],
    [17, 'under-18'],
    [17.9, 'under-18'],
    [18, '18-24'],
    [24, '18-24'],
    [25, '25-34'],
    [34, '25-34'],
    [35, '35-44'],
    [44, '35-44'],
    [45, '45-54'],
    [55, '55-64'],
    [64, '55-64'],
    [65, '65+'],
    [99, '65+'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    [-1, 'unknown'],
    [Number.NaN, 'unknown'],
    [140, 'unknown'],
  ])('puts age %p in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it('counts a birthday not yet reached this year', () => {
    const today = new Date('2026-11-30T00:00:00Z');
    expect(ageBandFromBirthDate(new Date('2001-12-01T00:00:00Z'), today)).toBe('18-24');
    expect(ageBandFromBirthDate(new Date('2001-11-30T00:00:00Z'), today)).toBe('25-34');
    expect(ageBandFromBirthDate(null, today)).toBe('unknown');
  });
});

describe('postalDistrict', () => {
  it.each<[string, number | undefined]>([
    ['560123', 20],
    ['Singapore 560123', 20],
    ['S(079903)', 2],
    ['018989', 1],
    ['238801', 9],
    ['520456', 18],
    ['819663', 17],
    ['828761', 19],
    ['738099', 25],
    ['768019', 27],
    ['797650', 28],
    ['749999', undefined],
    ['12345', undefined],
    ['not a code', undefined],
  ])('maps %s to district %p', (code, district) => {
    expect(postalDistrict(code)?.district).toBe(district);
  });

  it('names the general location', () => {
    expect(postalDistrict('560123')?.area).toBe('Bishan, Ang Mo Kio');
  });
});

describe('amountTier', () => {
  it.each<[number | null, string, string]>([
    [5, 'SGD', 'SGD <20'],
    [20, 'SGD', 'SGD 20-50'],
    [49.99, 'sgd', 'SGD 20-50'],
    [129.9, 'SGD', 'SGD 100-200'],
    [500, 'SGD', 'SGD 500+'],
    [60, 'MYR', 'MYR 50-150'],
    [30, 'XYZ', 'XYZ 20-50'],
    [null, 'SGD', 'unknown'],
    [-3, 'SGD', 'unknown'],
  ])('puts %p %s in tier %s', (amount, currency, tier) => {
    expect(amountTier(amount, currency)).toBe(tier);
  });

  it('uses a shop’s own edges for a currency', () => {
    expect(amountTier(75, 'SGD', { edges: { SGD: [100, 30] } })).toBe('SGD 30-100');
  });
});
