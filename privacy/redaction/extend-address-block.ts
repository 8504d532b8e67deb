import { isAddressToken } from './is-address-token';

const LINE_LEAD = /^[\s>?*•·-]*/;
const MAX_LINES = 5;
// A last line that ends in a postal code ("Haldenstein nan 76216", "Housse WLG 95697").
const POSTAL_LINE = /^[\s>?*-]*(?:[\p{L}\p{M}'’.-]+[ ,]+){0,4}\d{4,6}$/u;

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return [start, nl === -1 ? text.length : nl];
}

function addressLine(line: string, lowerCaseText: boolean): boolean {
  const body = line.replace(LINE_LEAD, '').trim();
  if (!body || body.length > 60 || /[@:;!?]|\d{3}[-.)]\d{3}|office|fax/i.test(body)) return false;
  const words = body.split(/[\s,]+/).filter(Boolean);
  return words.length <= 7 && words.every((w) => isAddressToken(w, lowerCaseText));
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
  if (!text.includes('\n')) return [start, end];
  const [ls, le] = lineBounds(text, start);
  const fillsLine = end >= le - 2 || text.slice(end, le).trim() === '';
  if (!fillsLine) return [start, end];
  let blockStart = start;
  let blockEnd = end;
  let cursor = le;
  for (let n = 0; n < MAX_LINES && cursor < text.length; n++) {
    const [ns, ne] = lineBounds(text, cursor + 1);
    const line = text.slice(ns, ne);
    if (line.trim() === '' && text[ne] === '\n' && text[ne + 1] !== '\n') {
      cursor = ne;
      continue;
    }
    if (!addressLine(line, lowerCaseText) && !POSTAL_LINE.test(line)) break;
    blockEnd = ne;
    cursor = ne;
  }
  if (ls > 0) {
    const [ps, pe] = lineBounds(text, ls - 1);
    const prev = text.slice(ps, pe);
    const body = prev.replace(LINE_LEAD, '');
    if (/^\d/.test(body) && addressLine(prev, lowerCaseText)) blockStart = ps + (prev.length - body.length);
  }
  while (blockEnd > blockStart && /\s/.test(text[blockEnd - 1] ?? '')) blockEnd--;
  return [blockStart, blockEnd];
}
