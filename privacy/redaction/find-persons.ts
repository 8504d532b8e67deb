import type { PiiSpan } from './labels';
import { loadNameGazetteer } from './name-gazetteer';
import type { NameGazetteer } from './name-gazetteer';

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const TITLES = new Set('mr mrs ms miss mdm madam dr prof sir mister dame lady'.split(' '));
const LINKS = new Set('van der den de da di del la le von bin binte binti bte s/o d/o a/l a/p al el'.split(' '));
// Words after which the next word is taken for a name: "my name is", "this is", "I'm", "regards,".
const CUE_AFTER_ONE = new Set(["i'm", 'im', "name's", 'names', "it's", 'regards', 'thanks', 'cheers', 'sincerely', 'dear', 'hi', 'hello', 'hey', 'contact', 'signed', 'from', 'name']);
const CUE_AFTER_TWO = new Set(['name is', 'this is', 'i am', 'call me', 'speak to', 'ask for', 'talk to', 'for mr', 'with mr']);
const ORG_AFTER = /^,?\s+(?:ltd|llc|inc|corp|corporation|group|plc|gmbh|co\b|company|& sons|and sons|pte)/i;
// Surname endings common across Europe, Russia, the Caucasus, the Nordics and Japan.
const SURNAME_SHAPE =
  /(?:ov|ova|ev|eva|in|ina|ić|ic|vić|ski|ska|sky|skiy|enko|yan|dze|shvili|dóttir|dottir|sson|sen|poulos|escu|idis|akis|oglu|ová|ný|elli|etti|ini|wicz|icz|czyk|chuk|berg|stein|mann|ström|qvist|moto|mura|yama|kawa|shita|hara|saki|zaki|naga|oka|uchi|gawa|ko|ek|ák|ás|os|us|sz|ai|ay|ei)$/;

interface Word {
  start: number;
  end: number;
  lower: string;
  cap: boolean;
  sentenceStart: boolean;
  kind: 'strong' | 'weak' | 'other' | 'title' | 'link';
  cue: boolean;
}

interface Lexical {
  gaz: boolean;
  common: boolean;
  place: boolean;
}

const lexicalCache = new Map<string, Lexical>();

function lexical(lower: string, g: NameGazetteer): Lexical {
  let entry = lexicalCache.get(lower);
  if (!entry) {
    entry = { gaz: g.firstNames.has(lower) || g.surnames.has(lower), common: g.commonWords.has(lower), place: g.places.has(lower) };
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

function classify(text: string, m: RegExpExecArray, g: NameGazetteer, lowerCaseText: boolean, cue: boolean): Word {
  const whole = m[0];
  const raw = whole.endsWith("'s") || whole.endsWith('’s') ? whole.slice(0, -2) : whole.replace(/['’-]+$/, '');
  const start = m.index;
  const lower = raw.toLowerCase();
  const first = raw.charAt(0);
  const cap = first !== first.toLowerCase();
  const sentenceStart = sentenceStartAt(text, start);
  const { gaz, common, place } = lexical(lower, g);
  let kind: Word['kind'] = 'other';
  if (TITLES.has(lower)) kind = 'title';
  else if (LINKS.has(lower) && !cap) kind = 'link';
  else if (place || raw.length < 2) kind = 'other';
  else if (gaz && !common) kind = cap || lowerCaseText || raw.length > 3 ? 'strong' : 'weak';
  else if (cap && raw !== raw.toUpperCase() && (gaz || !common)) kind = 'weak';
  else if (cap && raw.length > 2 && raw === raw.toUpperCase() && gaz && !common) kind = 'weak';
  if (kind === 'other' && cue && !common && !place && raw.length > 1) kind = 'strong';
  return { start, end: start + raw.length, lower, cap, sentenceStart, kind, cue };
}

function runQualifies(run: Word[], text: string): boolean {
  const names = run.filter((w) => w.kind === 'strong' || w.kind === 'weak');
  if (names.length === 0) return false;
  if (ORG_AFTER.test(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 14))) return false;
  if (run[0]!.kind === 'title' || run[0]!.cue) return true;
  if (names.some((w) => w.kind === 'strong')) return true;
  if (names.length >= 2) return true;
  const only = names[0]!;
  return !only.sentenceStart && only.cap && SURNAME_SHAPE.test(only.lower);
}

/** Person names as people write them in chat, from a gazetteer plus capitalisation and cues. */
export function findPersons(text: string): PiiSpan[] {
  const g = loadNameGazetteer();
  const lowerCaseText = text === text.toLowerCase();
  const words: Word[] = [];
  let prev1 = '';
  let prev2 = '';
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    const cue = CUE_AFTER_ONE.has(prev1) || CUE_AFTER_TWO.has(`${prev2} ${prev1}`);
    words.push(classify(text, m, g, lowerCaseText, cue));
    prev2 = prev1;
    prev1 = lower;
  }
  const spans: PiiSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const opensRun = w.kind === 'strong' || w.kind === 'weak' || w.kind === 'title';
    if (!opensRun) {
      i++;
      continue;
    }
    const run: Word[] = [w];
    let j = i + 1;
    while (j < words.length && run.length < 5) {
      const next = words[j]!;
      const gap = text.slice(words[j - 1]!.end, next.start);
      if (!/^\.?[ \t]$/.test(gap) && !(words[j - 1]!.kind === 'title' && /^\.?\s?$/.test(gap))) break;
      const fits = next.kind === 'strong' || next.kind === 'weak' || (next.kind === 'link' && j + 1 < words.length);
      if (!fits) break;
      run.push(next);
      j++;
    }
    while (run.length > 1 && run[run.length - 1]!.kind === 'link') run.pop();
    if (run.length === 1 && w.kind === 'title') {
      i = j;
      continue;
    }
    if (runQualifies(run, text)) spans.push({ start: run[0]!.start, end: run[run.length - 1]!.end, label: 'PERSON' });
    i = i + run.length;
  }
  return spans;
}
