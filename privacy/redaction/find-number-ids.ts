import { eachMatch } from './each-match';
import { isPlausibleSsn, isValidIban, isValidNric, passesLuhn } from './checksums';
import type { PiiSpan } from './labels';
import { textFacts } from './text-facts';
import type { TextFacts } from './text-facts';

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const NRIC = /\b[STFGMstfgm]\d{7}[A-Za-z]\b/g;
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d]|-\d)/g;
const SSN_CUE = /\b(?:ssn|social security|national id|id (?:no|number))\b/i;
const IBAN_COMPACT = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}(?![A-Za-z0-9])/g;
const IBAN_SPACED =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Payment cards (Luhn), Singapore NRIC/FIN (checksum), US SSN-style ids and IBANs (mod-97). */
export function findNumberIds(text: string, facts: TextFacts = textFacts(text)): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (facts.digits < 7) return spans;
  if (facts.longestLooseDigitRun >= 13)
    eachMatch(CARD, text, (m) => {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) {
        spans.push({ start: m.index, end: m.index + m[0].length, label: 'CARD' });
      }
    });
  if (facts.longestDigitRun >= 7)
    eachMatch(NRIC, text, (m) => {
      if (isValidNric(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
    });
  if (facts.longestLooseDigitRun >= 9)
    eachMatch(SSN, text, (m) => {
      const [, area = '', separator, group = '', serial = ''] = m;
      if (!isPlausibleSsn(area, group, serial)) return;
      // Space-separated 3-2-4 groups are too often phones; take them only after an id cue.
      if (separator === ' ' && !SSN_CUE.test(text.slice(Math.max(0, m.index - 40), m.index))) return;
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
    });
  if (!facts.ibanHead) return spans;
  for (const pattern of [IBAN_COMPACT, IBAN_SPACED]) {
    eachMatch(pattern, text, (m) => {
      if (isValidIban(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'IBAN' });
    });
  }
  return spans;
}
