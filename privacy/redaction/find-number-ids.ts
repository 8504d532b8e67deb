import { eachMatch } from './each-match';
import { isPlausibleSsn, isValidIban, isValidNric, passesLuhn } from './checksums';
import type { PiiSpan } from './labels';

interface DigitStats {
  total: number;
  /** Longest run of digits. */
  longest: number;
  /** Longest run of digits allowing single spaces or hyphens between them. */
  longestLoose: number;
}

// One pass over the text so that the id patterns run only where they can match.
function digitStats(text: string): DigitStats {
  let total = 0;
  let longest = 0;
  let longestLoose = 0;
  let run = 0;
  let loose = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      total++;
      run++;
      loose++;
      if (run > longest) longest = run;
      if (loose > longestLoose) longestLoose = loose;
    } else {
      run = 0;
      const next = text.charCodeAt(i + 1);
      if (!((c === 32 || c === 45) && next >= 48 && next <= 57 && i > 0)) loose = 0;
    }
  }
  return { total, longest, longestLoose };
}

// Two ASCII letters then two digits, as every IBAN opens.
function hasIbanHead(text: string): boolean {
  let letters = 0;
  for (let i = 0; i + 3 < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) {
      if (++letters >= 2 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))) return true;
    } else letters = 0;
  }
  return false;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const NRIC = /\b[STFGMstfgm]\d{7}[A-Za-z]\b/g;
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d]|-\d)/g;
const SSN_CUE = /\b(?:ssn|social security|national id|id (?:no|number))\b/i;
const IBAN_COMPACT = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}(?![A-Za-z0-9])/g;
const IBAN_SPACED =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Payment cards (Luhn), Singapore NRIC/FIN (checksum), US SSN-style ids and IBANs (mod-97). */
export function findNumberIds(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const stats = digitStats(text);
  if (stats.total < 7) return spans;
  if (stats.longestLoose >= 13)
    eachMatch(CARD, text, (m) => {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) {
        spans.push({ start: m.index, end: m.index + m[0].length, label: 'CARD' });
      }
    });
  if (stats.longest >= 7)
    eachMatch(NRIC, text, (m) => {
      if (isValidNric(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
    });
  if (stats.longestLoose >= 9)
    eachMatch(SSN, text, (m) => {
      const [, area = '', separator, group = '', serial = ''] = m;
      if (!isPlausibleSsn(area, group, serial)) return;
      // Space-separated 3-2-4 groups are too often phones; take them only after an id cue.
      if (separator === ' ' && !SSN_CUE.test(text.slice(Math.max(0, m.index - 40), m.index))) return;
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'NRIC' });
    });
  if (!hasIbanHead(text)) return spans;
  for (const pattern of [IBAN_COMPACT, IBAN_SPACED]) {
    eachMatch(pattern, text, (m) => {
      if (isValidIban(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, label: 'IBAN' });
    });
  }
  return spans;
}
