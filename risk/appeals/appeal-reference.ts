import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read out over chat or the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new reference such as `K7QM2-9XD4H` (50 random bits: not guessable, so it can open the status page). */
export function newAppealReference(): string {
  const pick = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** Upper-cases and tidies a reference typed by a buyer; undefined when it cannot be one. */
export function normaliseAppealReference(raw: string): string | undefined {
  const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : undefined;
}
