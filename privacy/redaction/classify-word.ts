import type { NameGazetteer } from './name-gazetteer';

const TITLES = new Set('mr mrs ms miss mdm madam dr prof sir mister dame lady'.split(' '));
const LINKS = new Set(
  'van der den de da di del la le von bin binte binti bte s/o d/o a/l a/p al el'.split(' '),
);
// Words after which the next word is taken for a name: "my name is", "this is", "I'm", "regards,".
const CUE_AFTER_ONE = new Set([
  'user',
  "i'm",
  'im',
  "name's",
  'names',
  "it's",
  'regards',
  'thanks',
  'cheers',
  'sincerely',
  'dear',
  'hi',
  'hello',
  'hey',
  'contact',
  'signed',
  'name',
]);
/** Two-word cues ("my name is", "this is") checked when the last word is a cue tail. */
export const CUE_AFTER_TWO = new Set([
  'name is',
  'this is',
  'i am',
  'call me',
  'speak to',
  'ask for',
  'talk to',
]);
const CUE_TAILS = new Set(['is', 'am', 'me', 'to', 'for']);
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

/** Gazetteer facts about a lower-cased word. */
export interface Lexical {
  gaz: boolean;
  common: boolean;
  place: boolean;
  title: boolean;
  link: boolean;
  stop: boolean;
  cue: boolean;
  cueTail: boolean;
}

const lexicalCache = new Map<string, Lexical>();

/** Gazetteer facts about a lower-cased word (memoised). */
export function lexical(lower: string, g: NameGazetteer): Lexical {
  let entry = lexicalCache.get(lower);
  if (!entry) {
    const gaz = g.firstNames.has(lower) || g.surnames.has(lower);
    const plural =
      !gaz &&
      lower.endsWith('s') &&
      (g.commonWords.has(lower.slice(0, -1)) || g.commonWords.has(lower.replace(/ies$/, 'y')));
    entry = {
      gaz,
      common: g.commonWords.has(lower) || plural,
      place: g.places.has(lower),
      title: TITLES.has(lower),
      link: LINKS.has(lower),
      stop: STOP.has(lower),
      cue: CUE_AFTER_ONE.has(lower),
      cueTail: CUE_TAILS.has(lower),
    };
    if (lexicalCache.size > 100_000) lexicalCache.clear();
    lexicalCache.set(lower, entry);
  }
  return entry;
}

function sentenceStartAt(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || '.!?\n:"“>*'.includes(text[i]!);
}

// Drops a possessive "'s" and trailing apostrophes or hyphens.
function trimWord(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last === 115 && word.length > 2) {
    const before = word.charCodeAt(word.length - 2);
    if (before === 39 || before === 0x2019) return word.slice(0, -2);
  }
  let end = word.length;
  while (end > 1) {
    const c = word.charCodeAt(end - 1);
    if (c === 39 || c === 0x2019 || c === 45) end--;
    else break;
  }
  return end === word.length ? word : word.slice(0, end);
}

/** Classifies one word for the person detector. */
export function classify(
  text: string,
  whole: string,
  start: number,
  g: NameGazetteer,
  lowerCaseText: boolean,
  cue: 'none' | 'cue' | 'title',
  wholeLower?: string,
): Word {
  const raw = trimWord(whole);
  const lower = raw === whole && wholeLower !== undefined ? wholeLower : raw.toLowerCase();
  const first = raw.charAt(0);
  const cap = first !== first.toLowerCase();
  const allCaps = cap && raw.length > 1 && raw === raw.toUpperCase();
  const sentenceStart = sentenceStartAt(text, start);
  const prevChar = text[start - 1];
  const nextChar = text[start + raw.length];
  // Parts of URLs, emails and domains ("https://TestingStress.pl/") are not names.
  if (
    prevChar === '/' ||
    prevChar === '@' ||
    prevChar === '.' ||
    nextChar === '@' ||
    (nextChar === '.' && /\p{L}/u.test(text[start + raw.length + 1] ?? ''))
  ) {
    return { start, end: start + raw.length, cap, sentenceStart, kind: 'other', cue: false };
  }
  const { gaz, common, place, title, link, stop } = lexical(lower, g);
  let kind: Kind = 'other';
  if (title) kind = 'title';
  else if (link && !cap) kind = 'link';
  else if (raw.length < 2 || (allCaps && cue !== 'title' && !lowerCaseText)) kind = 'other';
  else if (cue === 'title' && !stop) kind = 'strong';
  else if (place) kind = 'other';
  else if (gaz && !common) kind = cap || lowerCaseText || raw.length > 3 ? 'strong' : 'other';
  else if (cue === 'cue' && !stop && (!common || (gaz && (cap || lowerCaseText)))) kind = 'strong';
  else if (!gaz && (raw.includes("'") || raw.includes('’')) && /['’]\p{Ll}/u.test(raw)) kind = 'other';
  else if (cap && !stop) kind = gaz ? 'weakGaz' : common ? 'weakCommon' : 'weakUnknown';
  return { start, end: start + raw.length, cap, sentenceStart, kind, cue: cue !== 'none' };
}

const STOP = new Set(
  (
    'a an the and or but is are was were be to of in on at for with from by not no yes so very here there this that these those ' +
    'he she it we they you i me my your our their his her its can could would should will shall may might must do does did ' +
    'name bot user agent customer fax office phone mobile email address hi hello hey dear thanks so just also really sorry ' +
    'looking going trying ok okay fine good back glad happy sure not'
  ).split(' '),
);
