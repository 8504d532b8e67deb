import type { PiiSpan } from './labels';
import { loadNameGazetteer } from './name-gazetteer';
import { scanWords } from './scan-words';
import { isStreetWord } from './is-address-token';
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
const CUE_AFTER_TWO = new Set(['name is', 'this is', 'i am', 'call me', 'speak to', 'ask for', 'talk to']);
const CUE_TAILS = new Set(['is', 'am', 'me', 'to', 'for']);
const ORG_AFTER =
  /^,?\s+(?:ltd|llc|inc|corp|corporation|group|plc|gmbh|co\b|company|& sons|and sons|pte|office|systems|technologies|report|services|solutions|labs|bank)\b/i;
// Surname endings common across Europe, Russia, the Caucasus, the Nordics and Japan.
const SURNAME_SHAPE =
  /(?:ov|ova|ev|eva|in|ina|ić|ic|vić|ski|ska|sky|skiy|enko|yan|dze|shvili|dóttir|dottir|sson|sen|poulos|escu|idis|akis|oglu|ová|ný|elli|etti|ini|wicz|icz|czyk|chuk|berg|stein|mann|ström|qvist|moto|mura|yama|kawa|shita|hara|saki|zaki|naga|oka|uchi|gawa|ko|ek|ák|ás|os|us|sz|ai|ay|ei)$/;

type Kind = 'strong' | 'weakGaz' | 'weakUnknown' | 'weakCommon' | 'other' | 'title' | 'link';

interface Word {
  start: number;
  end: number;
  cap: boolean;
  sentenceStart: boolean;
  kind: Kind;
  cue: boolean;
}

interface Lexical {
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

function lexical(lower: string, g: NameGazetteer): Lexical {
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

function classify(
  text: string,
  whole: string,
  start: number,
  g: NameGazetteer,
  lowerCaseText: boolean,
  cue: 'none' | 'cue' | 'title',
): Word {
  const raw = trimWord(whole);
  const lower = raw.toLowerCase();
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
const PLACE_BEFORE = /\b(?:in|from|at|to|near|into|via|visit|visiting|across|around|of|for)\s+$/i;
const PLACE_ONLY_BEFORE = /\b(?:in|from|at|near|into|via|visit|visiting|across|around)\s+$/i;
const SUBJECT_AFTER = /^(?::|,|'s\b|\s+(?:has|had|said|says|shouted|spent|here)\b)/;
const STREET_AFTER =
  /^[ \t]+(?:\d{1,5}(?![\d]|[ -]\d)|(?:street|st|road|rd|avenue|ave|lane|drive|boulevard|blvd|way|place|square|straße|strasse|str)\b\.?)/i;
const STREET_BEFORE = /(?:\d|\b(?:street|road|avenue|rue|via|calle|ul|jalan|jln|lorong|blk))\.?[ \t]+$/i;

function runQualifies(run: Word[], text: string, before: Word | undefined, after: Word | undefined): boolean {
  const last = run[run.length - 1]!;
  const head = run[0]!;
  if (ORG_AFTER.test(text.slice(last.end, last.end + 14))) return false;
  const titled = head.kind === 'title' || head.cue;
  if (
    !titled &&
    (STREET_AFTER.test(text.slice(last.end, last.end + 12)) ||
      STREET_BEFORE.test(text.slice(Math.max(0, head.start - 10), head.start)))
  )
    return false;
  const nextWord = NEXT_WORD.exec(text.slice(last.end, last.end + 24))?.[1];
  if (!titled && nextWord && isStreetWord(nextWord)) return false;
  const names = run.filter((w) => w.kind !== 'title' && w.kind !== 'link' && w.kind !== 'other');
  if (names.length === 0) return false;
  if (titled) return true;
  // Capitalised ordinary words around the run make it a title or brand ("Tube Snake Boogie", "Nike Air").
  const brandBefore =
    before &&
    before.kind === 'weakCommon' &&
    !before.sentenceStart &&
    text.slice(before.end, head.start) === ' ';
  const brandAfter = after && after.kind === 'weakCommon' && text.slice(last.end, after.start) === ' ';
  if (brandBefore || brandAfter) return false;
  if (names.some((w) => w.kind === 'strong')) return true;
  // "the Princess Royal": ordinary capitalised words after "the" name a thing, not a person.
  if (
    names.every((w) => w.kind === 'weakGaz') &&
    /\bthe\s+$/i.test(text.slice(Math.max(0, head.start - 4), head.start))
  )
    return false;
  if (
    before &&
    before.cap &&
    !before.sentenceStart &&
    before.kind !== 'title' &&
    text.slice(before.end, head.start) === ' '
  )
    return false;
  if (after && after.cap && after.kind !== 'title' && text.slice(last.end, after.start) === ' ') return false;
  if (names.length >= 2) return true;
  const only = names[0]!;
  if (only.kind === 'weakCommon') return false;
  if (only.sentenceStart) return SUBJECT_AFTER.test(text.slice(only.end, only.end + 9));
  if (only.kind === 'weakGaz')
    return !PLACE_ONLY_BEFORE.test(text.slice(Math.max(0, only.start - 12), only.start));
  return !PLACE_BEFORE.test(text.slice(Math.max(0, only.start - 12), only.start));
}

const NEXT_WORD = /^[ \t]+([\p{L}\p{M}][\p{L}\p{M}.]*)/u;
const COORDINATION = /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+&\s+)$/;

/** Person names as people write them in chat, from a gazetteer plus capitalisation and cues. */
export function findPersons(text: string): PiiSpan[] {
  const g = loadNameGazetteer();
  const lowerCaseText = text === text.toLowerCase();
  const words: Word[] = [];
  let prev1 = '';
  let prev2 = '';
  let prevLex: Lexical | undefined;
  scanWords(text, (start, end) => {
    const token = text.slice(start, end);
    const c = token.charCodeAt(0);
    const lower = c >= 97 && c <= 122 ? token : token.toLowerCase();
    let cue: 'none' | 'cue' | 'title' = 'none';
    if (prevLex) {
      if (prevLex.title) cue = 'title';
      else if (prevLex.cue || (prevLex.cueTail && CUE_AFTER_TWO.has(`${prev2} ${prev1}`))) cue = 'cue';
    }
    const lex = lexical(lower, g);
    if (cue === 'none' && c >= 97 && c <= 122 && !lowerCaseText && !lex.gaz && !lex.title && !lex.link) {
      // Fast path: an ordinary lower-case word in mixed-case text is never part of a name, and
      // leaving it out of `words` is safe because runs and neighbours are checked for adjacency.
    } else {
      words.push(classify(text, token, start, g, lowerCaseText, cue));
    }
    prev2 = prev1;
    prev1 = lower;
    prevLex = lex;
  });
  const spans: PiiSpan[] = [];
  const rejected: PiiSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const opensRun = w.kind !== 'other' && w.kind !== 'link' && w.kind !== 'weakCommon';
    if (!opensRun) {
      i++;
      continue;
    }
    const run: Word[] = [w];
    let j = i + 1;
    while (j < words.length && run.length < 5) {
      const next = words[j]!;
      const gap = text.slice(words[j - 1]!.end, next.start);
      const prev = words[j - 1]!;
      const initial = prev.end - prev.start === 1 && prev.cap;
      if (gap !== ' ' && !((prev.kind === 'title' || initial) && /^\.\s?$/.test(gap))) break;
      const fits =
        next.kind === 'strong' ||
        next.kind === 'weakGaz' ||
        next.kind === 'weakUnknown' ||
        (next.kind === 'link' && j + 1 < words.length);
      if (!fits) break;
      run.push(next);
      j++;
    }
    while (run.length > 1 && run[run.length - 1]!.kind === 'link') run.pop();
    if (run.length === 1 && w.kind === 'title') {
      i = j;
      continue;
    }
    const span: PiiSpan = { start: run[0]!.start, end: run[run.length - 1]!.end, label: 'PERSON' };
    if (runQualifies(run, text, words[i - 1], words[i + run.length])) spans.push(span);
    else if (
      run.some(
        (x) => x.kind === 'weakUnknown' || x.kind === 'weakGaz' || (lowerCaseText && x.kind === 'other'),
      )
    )
      rejected.push(span);
    i = i + run.length;
  }
  return joinCoordinated(text, spans, rejected);
}

// "Kovalev, Lee and Phillips": a doubtful word joined by a comma or "and" to a found name is a name too.
function joinCoordinated(text: string, spans: PiiSpan[], rejected: PiiSpan[]): PiiSpan[] {
  if (spans.length === 0 || rejected.length === 0) return spans;
  const all = [...spans];
  let added = true;
  while (added) {
    added = false;
    for (const r of rejected) {
      if (all.includes(r)) continue;
      const near = all.some(
        (s) =>
          (s.end <= r.start && COORDINATION.test(text.slice(s.end, r.start))) ||
          (r.end <= s.start && COORDINATION.test(text.slice(r.end, s.start))),
      );
      if (near) {
        all.push(r);
        added = true;
      }
    }
  }
  return all.sort((a, b) => a.start - b.start);
}
