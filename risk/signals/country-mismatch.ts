import type { Signal } from './types';

/** How many of the IP, billing and shipping countries disagree (0 when all known ones agree). */
export const countryMismatchSignal: Signal = ({ facts }) => {
  const countries = [facts.ipCountry, facts.billingCountry, facts.shippingCountry].filter(
    (country): country is string => country !== undefined,
  );
  if (countries.length < 2) return { country_mismatch: Number.NaN };
  return { country_mismatch: new Set(countries).size - 1 };
};
