import { isLetterCode } from './is-letter-code';

/** A token of an address line, end exclusive. */
export interface Token {
  start: number;
  end: number;
  /** Memo for the address finder: 1 when the token can sit in an address, 0 when not, -1 not yet known. */
  address: number;
  /** Memo: 1 when the token is a street-type word ("Rd.", "Jalan"), 0 when not, -1 not yet known. */
  streetType: number;
}

/** Tokens of one line: "#05-67" units, numbers (with a letter or a closing dot) and words (with a closing dot). */
export function tokensOf(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 35 && /^#\d{1,3}-\d{1,5}[A-Za-z]?/.test(text.slice(i, i + 11))) {
      const m = /^#\d{1,3}-\d{1,5}[A-Za-z]?/.exec(text.slice(i, i + 11))!;
      i += m[0].length;
    } else if (c >= 48 && c <= 57) {
      while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i < to && isLetterCode(text.charCodeAt(i)) && !(i + 1 < to && isLetterCode(text.charCodeAt(i + 1))))
        i++;
    } else if (isLetterCode(c)) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isLetterCode(d) || d === 39 || d === 0x2019 || d === 45) i++;
        else break;
      }
    } else {
      i++;
      continue;
    }
    if (i < to && text.charCodeAt(i) === 46) i++;
    out.push({ start, end: i, address: -1, streetType: -1 });
  }
  return out;
}

/** At most three spaces, tabs or commas. */
export function gapAllows(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 44) return false;
  }
  return true;
}

/** The token ends in a full stop. */
export const endsWithDot = (text: string, t: Token) => text.charCodeAt(t.end - 1) === 46;
/** An ASCII digit. */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** "12." (one to four digits and a full stop). */
export function isNumberWithDot(text: string, t: Token): boolean {
  const length = t.end - t.start;
  if (length < 2 || length > 5 || !endsWithDot(text, t)) return false;
  for (let i = t.start; i < t.end - 1; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}
