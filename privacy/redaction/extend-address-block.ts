import { isSpaceCode } from './address-segments';
import { isAddressTokenAt } from './is-address-token';

const MAX_LINES = 5;
// A last line that ends in a postal code ("Haldenstein nan 76216", "Housse WLG 95697").
const POSTAL_LINE = /^[\s>?*-]*(?:[\p{L}\p{M}'’.-]+[ ,]+){0,4}\d{4,6}$/u;
const NOT_AN_ADDRESS = /[@:;!?]|\d{3}[-.)]\d{3}|office|fax/i;

// What may lead a line before its text: whitespace, quote marks and bullets (`[\s>?*•·-]`).
const isLineLead = (c: number) =>
  c === 62 || c === 63 || c === 42 || c === 0x2022 || c === 0xb7 || c === 45 || isSpaceCode(c);

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function skipLineLead(text: string, from: number, to: number): number {
  while (from < to && isLineLead(text.charCodeAt(from))) from++;
  return from;
}

// Up to seven address tokens between whitespace and commas, at most 60 characters, after the lead.
function isAddressLine(text: string, from: number, to: number, lowerCaseText: boolean): boolean {
  const start = skipLineLead(text, from, to);
  let end = to;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === start || end - start > 60 || NOT_AN_ADDRESS.test(text.slice(start, end))) return false;
  let words = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === 44 || isSpaceCode(c)) {
      i++;
      continue;
    }
    const wordStart = i;
    while (i < end && (c = text.charCodeAt(i)) !== 44 && !isSpaceCode(c)) i++;
    if (++words > 7 || !isAddressTokenAt(text, wordStart, i, lowerCaseText)) return false;
  }
  return true;
}

/**
 * Multi-line address blocks ("78 Camiño Ancho 91\n Suite 286\n El Tornadizo\n Gabon 66298"): when the
 * found part fills its line, the lines around it that look like address lines join it.
 */
export function extendAddressBlock(
  text: string,
  start: number,
  end: number,
  lowerCaseText: boolean,
): [number, number] {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const le = lineEndAt(text, start);
  if (ls === 0 && le === text.length) return [start, end];
  const fillsLine = end >= le - 2 || isBlank(text, end, le);
  if (!fillsLine) return [start, end];
  let blockStart = start;
  let blockEnd = end;
  let cursor = le;
  for (let n = 0; n < MAX_LINES && cursor < text.length; n++) {
    const ns = cursor + 1;
    const ne = lineEndAt(text, ns);
    if (isBlank(text, ns, ne) && text.charCodeAt(ne) === 10 && text.charCodeAt(ne + 1) !== 10) {
      cursor = ne;
      continue;
    }
    if (!isAddressLine(text, ns, ne, lowerCaseText) && !POSTAL_LINE.test(text.slice(ns, ne))) break;
    blockEnd = ne;
    cursor = ne;
  }
  if (ls > 0) {
    const ps = text.lastIndexOf('\n', ls - 2) + 1;
    const bodyStart = skipLineLead(text, ps, ls - 1);
    const c = text.charCodeAt(bodyStart);
    if (bodyStart < ls - 1 && c >= 48 && c <= 57 && isAddressLine(text, ps, ls - 1, lowerCaseText))
      blockStart = bodyStart;
  }
  while (blockEnd > blockStart && isSpaceCode(text.charCodeAt(blockEnd - 1))) blockEnd--;
  return [blockStart, blockEnd];
}
