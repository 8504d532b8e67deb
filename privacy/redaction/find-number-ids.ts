import { eachMatch } from './each-match';
import { isPlausibleSsn, isValidIban, isValidNric, passesLuhn } from './checksums';
import type { PiiSpan } from './labels';

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const NRIC = /(?<![A-Za-z0-9])[STFGMstfgm]\d{7}[A-Za-z](?![A-Za-z0-9])/g;
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d]|-\d)/g;
const SSN_CUE = /\b(?:ssn|social security|national id|id (?:no|number))\b/i;
const IBAN_COMPACT = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}(?![A-Za-z0-9])/g;
const IBAN_SPACED = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Payment cards (Luhn), Singapore NRIC/FIN (checksum), US SSN-style ids and IBANs (mod-97). */
export function findNumberIds(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of eachMatch(CARD, text)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) {
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'CARD' });
    }
  }
  for (const m of eachMatch(NRIC, text)) {
    if (isValidNric(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
  }
  for (const m of eachMatch(SSN, text)) {
    const [, area = '', separator, group = '', serial = ''] = m;
    if (!isPlausibleSsn(area, group, serial)) continue;
    // Space-separated 3-2-4 groups are too often phones; take them only after an id cue.
    if (separator === ' ' && !SSN_CUE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
  }
  for (const pattern of [IBAN_COMPACT, IBAN_SPACED]) {
    for (const m of eachMatch(pattern, text)) {
      if (isValidIban(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'IBAN' });
    }
  }
  return spans;
}
