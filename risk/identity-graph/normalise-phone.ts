import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';

/**
 * Formats a phone number as E.164 (`+6591234567`), reading national numbers in `defaultCountry`
 * (Singapore unless told). Returns undefined for text that is not a possible phone number.
 */
export function normalisePhone(raw: string, defaultCountry: string = 'SG'): string | undefined {
  const country = /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : 'SG';
  try {
    const parsed = parsePhoneNumberFromString(raw, country);
    return parsed && parsed.isPossible() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}
