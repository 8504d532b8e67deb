import { STREET_SUFFIX, STREET_WORDS } from './address-words';

/**
 * Facts about single words that tell whether a whole-text pattern can match at all. Each gate is
 * necessary for its pattern, never sufficient: when a word of the text opens a gate, the pattern
 * itself still runs, so gating changes no finding. Computed once per distinct word (memoised with
 * the word's lexicon entry) and OR-ed over the words of a text.
 */
export const GATE = {
  /** A unit, box or block word that `UNIT_ANCHOR` starts with ("apt", "unit", "blk", "box"). */
  unitAnchor: 1,
  /** A street word or street-name ending, with the ASCII word boundaries `STREET_ANY` needs. */
  street: 2,
  /** The last word of an `ADDRESS_CUE` ("address", "addr", "is", "to", "at", "as"). */
  addressCueEnd: 4,
  /** An `ADDRESS_CUE` last word followed by an optional colon and a digit (set by the scan). */
  addressCue: 8,
  /** A word `ADDRESS_TOPIC` needs ("address", "ship", "post", "here" of "here they are" ...). */
  addressTopic: 16,
  /** A word `STREET_HINT` needs ("street", "road", "way" ...), in any case. */
  streetHint: 32,
  /** "order", which `ORDER_WORD` opens with. */
  order: 64,
  /** A word `BIRTH_CUE` needs ("born", "birth", "bday", "dob"). */
  birth: 128,
  /** A word that ends in "d", the first letter of "d.o.b." when a full stop follows (set by the scan). */
  endsInD: 256,
  /** "zip", "post" or "pin", which `POSTAL_CUE` needs. */
  postalCue: 512,
  /** "po", which `MILITARY` needs ("APO", "FPO"). */
  po: 1024,
} as const;

/** The gates the words of one text open. */
export interface WordGates {
  /** {@link GATE} bits OR-ed over the words. */
  bits: number;
  /** Start of the first word that opens {@link GATE.street}: no street word starts before it. */
  streetFrom: number;
  /** Start of the first word that opens {@link GATE.addressTopic}. */
  topicFrom: number;
}

/** Every gate open: what a finder assumes when it is called without a word scan. */
export const ALL_GATES: WordGates = { bits: -1, streetFrom: 0, topicFrom: 0 };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ASCII_WORD = /^[a-z0-9_]/;
const ASCII_LETTERS = /^[a-z]+$/;

// The letter segment of each street word before its first full stop ("st" of "st.", "p" of "p.o.").
const SEGMENTS = [...new Set([...STREET_WORDS].map((word) => word.split('.')[0]!).filter(Boolean))];
// A segment of ASCII letters matches STREET_ANY's `\b...\b` only as a whole run of ASCII word
// characters, so those are looked up by run in a set.
const ASCII_SEGMENTS = new Set(SEGMENTS.filter((s) => ASCII_LETTERS.test(s)));
// The other segments carry the ASCII word boundaries `\b` asks for on their ASCII sides; street-name
// endings need only the boundary after them.
const SUFFIXES = STREET_SUFFIX.source
  .replace(/^\(\?:/, '')
  .replace(/\)\$$/, '')
  .split('|');
const NON_ASCII_STREET_IN_WORD = new RegExp(
  SEGMENTS.filter((s) => !ASCII_LETTERS.test(s))
    .map(
      (s) =>
        `${ASCII_WORD.test(s) ? '(?:^|[^a-z0-9_])' : ''}${escape(s)}${ASCII_WORD.test(s.slice(-1)) ? '(?=$|[^a-z0-9_])' : ''}`,
    )
    .join('|'),
);
const STREET_ENDING_IN_WORD = new RegExp(
  `(?:${SUFFIXES.map((s) => s.split('\\.')[0]).join('|')})(?=$|[^a-z0-9_])`,
);

const isAsciiWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

/** True when a lower-cased word may hold a match of STREET_ANY (never false when it does). */
function mayHoldStreetWord(lower: string): boolean {
  let i = 0;
  let ascii = true;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    if (!isAsciiWordCode(c)) {
      if (c >= 128) ascii = false;
      i++;
      continue;
    }
    const start = i;
    while (i < lower.length && isAsciiWordCode(lower.charCodeAt(i))) i++;
    if (ASCII_SEGMENTS.has(lower.slice(start, i))) return true;
  }
  return (!ascii && NON_ASCII_STREET_IN_WORD.test(lower)) || STREET_ENDING_IN_WORD.test(lower);
}

const UNIT_ANCHOR_END =
  /(?:apt|apartment|suite|ste|unit|flat|room|rm|fl|floor|level|lvl|blk|block|blok|box)$/;
const ADDRESS_CUE_END = /(?:address|addr|is|to|at|as)$/;
const ADDRESS_TOPIC_WORD =
  /address|return|live|located|ship|deliver|send|meet|moved|stay|corner|post|mail|office|here/;
const STREET_HINT_WORD = /street|road|avenue|lane|drive|boulevard|crescent|terrace|close|way|place|square/;
const BIRTH_WORD = /born|birth|bday|dob/;

/** The {@link GATE} bits a word opens; `word` may be in any case. */
export function wordGates(word: string): number {
  const lower = word.toLowerCase();
  let bits = 0;
  if (UNIT_ANCHOR_END.test(lower)) bits |= GATE.unitAnchor;
  if (mayHoldStreetWord(lower)) bits |= GATE.street;
  if (ADDRESS_CUE_END.test(lower)) bits |= GATE.addressCueEnd;
  if (ADDRESS_TOPIC_WORD.test(lower)) bits |= GATE.addressTopic;
  if (STREET_HINT_WORD.test(lower)) bits |= GATE.streetHint;
  if (lower.includes('order')) bits |= GATE.order;
  if (BIRTH_WORD.test(lower)) bits |= GATE.birth;
  if (lower.endsWith('d')) bits |= GATE.endsInD;
  if (lower.includes('zip') || lower.includes('post') || lower.includes('pin')) bits |= GATE.postalCue;
  if (lower.includes('po')) bits |= GATE.po;
  return bits;
}
