const LETTER = /[\p{L}\p{M}]/u;
const nonAscii = new Map<number, boolean>();

/** True when the UTF-16 code unit is a letter or combining mark (ASCII fast path, cached otherwise). */
export function isLetterCode(code: number): boolean {
  if (code < 128) return ((code | 32) - 97) >>> 0 < 26;
  let known = nonAscii.get(code);
  if (known === undefined) {
    known = code < 0xd800 || code > 0xdfff ? LETTER.test(String.fromCharCode(code)) : false;
    nonAscii.set(code, known);
  }
  return known;
}

/**
 * Calls `visit(start, end)` for every word: a letter followed by letters, marks, apostrophes and
 * hyphens. A hand-written scan, several times faster than a Unicode regex on chat-sized text.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLetterCode(c) || c === 39 || c === 0x2019 || c === 45) i++;
      else break;
    }
    visit(start, i);
  }
}
