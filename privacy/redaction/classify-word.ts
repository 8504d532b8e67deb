import type { NameGazetteer } from './name-gazetteer';
import type { Lexical } from './lexical';
import { lexiconEntry } from './word-lexicon';

/** How a word may take part in a name. */
export type Kind = 'strong' | 'weakGaz' | 'weakUnknown' | 'weakCommon' | 'other' | 'title' | 'link';

/** A word of the text with what the person detector knows about it. */
export interface Word {
  start: number;
  end: number;
  cap: boolean;
  sentenceStart: boolean;
  kind: Kind;
  cue: boolean;
}

// Before a sentence: start of text or one of . ! ? newline : " “ > * (spaces and tabs skipped).
function sentenceStartAt(text: string, start: number): boolean {
  let i = start - 1;
  let c = text.charCodeAt(i);
  while (i >= 0 && (c === 32 || c === 9)) c = text.charCodeAt(--i);
  if (i < 0) return true;
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 10 ||
    c === 58 ||
    c === 34 ||
    c === 0x201c ||
    c === 62 ||
    c === 42
  );
}

// End of the word without a possessive "'s" or trailing apostrophes and hyphens.
function trimmedEnd(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (last === 115 && end - start > 2) {
    const before = text.charCodeAt(end - 2);
    if (before === 39 || before === 0x2019) return end - 2;
  }
  while (end - start > 1) {
    const c = text.charCodeAt(end - 1);
    if (c === 39 || c === 0x2019 || c === 45) end--;
    else break;
  }
  return end;
}

function isCapital(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  const first = text.charAt(at);
  return first !== first.toLowerCase();
}

function isAllCaps(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) {
      const raw = text.slice(start, end);
      return raw === raw.toUpperCase();
    }
  }
  return true;
}

// "don't", "o'clock": an apostrophe followed by a lower-case letter.
function hasInnerApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 0x2019) return /['’]\p{Ll}/u.test(text.slice(start, end));
  }
  return false;
}

/**
 * Classifies the word `text[start, end)` for the person detector; `wholeLex` holds the facts
 * about the whole word, used when no possessive or trailing punctuation is trimmed.
 */
export function classify(
  text: string,
  start: number,
  end: number,
  g: NameGazetteer,
  lowerCaseText: boolean,
  cue: 'none' | 'cue' | 'title',
  wholeLex: Lexical,
): Word {
  const rawEnd = trimmedEnd(text, start, end);
  const length = rawEnd - start;
  const cap = isCapital(text, start);
  const allCaps = cap && length > 1 && isAllCaps(text, start, rawEnd);
  const sentenceStart = sentenceStartAt(text, start);
  const prevChar = text.charCodeAt(start - 1);
  const nextChar = text.charCodeAt(rawEnd);
  // Parts of URLs, emails and domains ("https://TestingStress.pl/") are not names.
  if (
    prevChar === 47 ||
    prevChar === 64 ||
    prevChar === 46 ||
    nextChar === 64 ||
    (nextChar === 46 && /\p{L}/u.test(text[rawEnd + 1] ?? ''))
  ) {
    return { start, end: rawEnd, cap, sentenceStart, kind: 'other', cue: false };
  }
  const { gaz, common, place, title, link, stop } =
    rawEnd === end ? wholeLex : lexiconEntry(g, text, start, rawEnd, true);
  let kind: Kind = 'other';
  if (title) kind = 'title';
  else if (link && !cap) kind = 'link';
  else if (length < 2 || (allCaps && cue !== 'title' && !lowerCaseText)) kind = 'other';
  else if (cue === 'title' && !stop) kind = 'strong';
  else if (place) kind = 'other';
  else if (gaz && !common) kind = cap || lowerCaseText || length > 3 ? 'strong' : 'other';
  else if (cue === 'cue' && !stop && (!common || (gaz && (cap || lowerCaseText)))) kind = 'strong';
  else if (!gaz && hasInnerApostrophe(text, start, rawEnd)) kind = 'other';
  else if (cap && !stop) kind = gaz ? 'weakGaz' : common ? 'weakCommon' : 'weakUnknown';
  return { start, end: rawEnd, cap, sentenceStart, kind, cue: cue !== 'none' };
}
