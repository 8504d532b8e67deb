import { eachMatch } from './each-match';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PiiSpan } from './labels';

// Digit groups joined by one separator, optional +country / (area) prefix and extension.
const PHONE =
  /(?<![\w+#$€£¥./-])(?:\+|00)?(?:\d{1,4}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,10}(?:[ .-]\d{1,10}){0,5}(?:\s?(?:x|ext\.?|#)\s?\d{1,6})?(?![\w]|[.,/-]\d|[ ]?(?:%|am\b|pm\b))/g;
const PHONE_CUE =
  /\b(?:call|phone|tel|telephone|mobile|mob|hp|cell|whatsapp|wa|contact|reach|fax|text|sms|number|no\.?)\b[^\n.!?]{0,25}$/i;
const ORDER_CUE =
  /\b(?:order|invoice|tracking|ref|reference|receipt|account|acct|item|sku|po|licen[cs]e|passport|id|ssn|policy|member|membership)\b[^\n]{0,20}$/i;
const UNIT_BEFORE = /(?:apt|apartment|suite|ste|unit|box|blk|block|#)\.?\s*$/i;
const CUE_AFTER = /^\s*[-(]?\s*(?:office|fax|mobile|mob|cell|home|work|tel|phone|hp|whatsapp)\b/i;
const MONEY_BEFORE = /(?:[$€£¥]|\b(?:sgd|usd|eur|rm|s\$|us\$|rs)\s?)$/i;
const DATE_SHAPE = /^(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4})(?:\s|$)/;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function isValidDate(candidate: string): boolean {
  const parts = candidate.split(/[-.]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  if (parts.length !== 3) return false;
  if (a > 999) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return (a <= 31 && b <= 12 && a >= 1 && b >= 1) || (a <= 12 && b <= 31 && a >= 1 && b >= 1);
}

/**
 * Phone numbers: Singapore formats first (libphonenumber-js), then international shapes.
 * A bare run of 9+ digits is taken only after a phone cue, so order numbers stay.
 */
export function findPhones(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  eachMatch(PHONE, text, (m) => {
    const match = m[0];
    // Most matches are short numbers (quantities, amounts, dates): leave before any copying.
    if (digitCount(match) < 6) return;
    const last = match.charCodeAt(match.length - 1);
    const raw = last === 32 || last === 46 || last === 45 ? match.replace(/[ .-]+$/, '') : match;
    const main =
      raw.includes('x') || raw.includes('#') ? raw.replace(/\s?(?:x|ext\.?|#)\s?\d{1,6}$/, '') : raw;
    const digits = digitCount(main);
    if (digits < 6 || digits > 15) return;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (MONEY_BEFORE.test(before) || ORDER_CUE.test(before) || UNIT_BEFORE.test(before)) return;
    const dateHead = DATE_SHAPE.exec(main);
    if (dateHead && isValidDate(dateHead[0].trim())) return;
    const hasSeparator = /[ .()-]/.test(main) || main.startsWith('+');
    const cue =
      PHONE_CUE.test(before) || CUE_AFTER.test(text.slice(m.index + raw.length, m.index + raw.length + 12));
    if (digits === 6 && !cue) return;
    if (!hasSeparator) {
      const sg = digits === 8 && /^[3689]/.test(main) && parsePhoneNumberFromString(main, 'SG')?.isValid();
      if (!sg && !cue && !(digits >= 11 && (main.startsWith('00') || main.startsWith('65')))) return;
    } else if (
      !main.startsWith('+') &&
      !main.startsWith('(') &&
      digits <= 7 &&
      !cue &&
      /^\d{1,3}[ .-]\d{4}$/.test(main) === false
    ) {
      return;
    }
    if (main.startsWith('+')) {
      const parsed = parsePhoneNumberFromString(main);
      if (parsed && !parsed.isPossible() && !cue) return;
    }
    spans.push({ start: m.index, end: m.index + raw.length, label: 'PHONE' });
  });
  return spans;
}
