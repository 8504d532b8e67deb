import { isLetterCode } from './is-letter-code';
import { isStreetWordAt } from './is-address-token';
import { loadNameGazetteer } from './name-gazetteer';
import { WordTable } from './word-table';

/** True for the code units JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

let rareWords: WordTable<boolean> | undefined;

// Pieces of text[start, end) between runs of whitespace, commas and (when `dots`) full stops.
function somePiece(
  text: string,
  start: number,
  end: number,
  dots: boolean,
  test: (from: number, to: number) => boolean,
): boolean {
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (isSpaceCode(c) || c === 44 || (dots && c === 46)) {
      i++;
      continue;
    }
    const from = i;
    while (i < end) {
      c = text.charCodeAt(i);
      if (isSpaceCode(c) || c === 44 || (dots && c === 46)) break;
      i++;
    }
    if (test(from, i)) return true;
  }
  return false;
}

// A piece that opens with a letter (\p{L}; marks and astral letters checked by the regex).
function opensWithLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return isLetterCode(c);
  return /^\p{L}/u.test(text.slice(at, at + 2));
}

/** A run of capitalised words that are all ordinary English ("Air Max 90") is more likely a product. */
export function hasRareWord(text: string, start: number, end: number): boolean {
  if (!rareWords) {
    const common = loadNameGazetteer().commonWords;
    rareWords = new WordTable((lower) => !common.has(lower));
  }
  const table = rareWords;
  return somePiece(
    text,
    start,
    end,
    true,
    (from, to) => opensWithLetter(text, from) && table.get(text, from, to, true),
  );
}

/** True when a piece of text[start, end) between whitespace and commas is a street word. */
export function hasStreetSignal(text: string, start: number, end: number): boolean {
  return somePiece(text, start, end, false, (from, to) => isStreetWordAt(text, from, to));
}
