/** Age bands used by audience tags; `under-18` and `unknown` are bands of their own. */
export type AgeBand = 'under-18' | '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+' | 'unknown';

const BANDS: Array<[number, AgeBand]> = [
  [65, '65+'],
  [55, '55-64'],
  [45, '45-54'],
  [35, '35-44'],
  [25, '25-34'],
  [18, '18-24'],
];

/** Maps an age in years to its band; missing, negative, fractional-NaN or implausible (>120) ages are `unknown`. */
export function ageBand(age: number | null | undefined): AgeBand {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0 || age > 120) return 'unknown';
  for (const [from, band] of BANDS) if (age >= from) return band;
  return 'under-18';
}

/** The band of someone born on `birthDate`, as of `today` (pass the clock's date). */
export function ageBandFromBirthDate(birthDate: Date | null | undefined, today: Date): AgeBand {
  if (!birthDate || Number.isNaN(birthDate.getTime())) return 'unknown';
  let age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() ||
    (today.getUTCMonth() === birthDate.getUTCMonth() && today.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return ageBand(age);
}
