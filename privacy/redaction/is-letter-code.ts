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
