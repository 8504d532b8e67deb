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

// One letter segment of each street word (before its first full stop), with the ASCII word
// boundaries that `\b` in STREET_ANY asks for on the sides where the segment has an ASCII letter.
function boundedSegments(words: Iterable<string>): string {
  const parts: string[] = [];
  for (const word of words) {
    const segment = word.split('.')[0]!;
    if (!segment) continue;
    const left = ASCII_WORD.test(segment) ? '(?:^|[^a-z0-9_])' : '';
    const right = ASCII_WORD.test(segment.slice(-1)) ? '(?=$|[^a-z0-9_])' : '';
    parts.push(`${left}${escape(segment)}${right}`);
  }
  return parts.join('|');
}

const SUFFIXES = STREET_SUFFIX.source
  .replace(/^\(\?:/, '')
  .replace(/\)\$$/, '')
  .split('|');
const STREET_IN_WORD = new RegExp(
  `${boundedSegments(STREET_WORDS)}|(?:${SUFFIXES.map((s) => s.split('\\.')[0]).join('|')})(?=$|[^a-z0-9_])`,
);
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
  if (STREET_IN_WORD.test(lower)) bits |= GATE.street;
  if (ADDRESS_CUE_END.test(lower)) bits |= GATE.addressCueEnd;
  if (ADDRESS_TOPIC_WORD.test(lower)) bits |= GATE.addressTopic;
  if (STREET_HINT_WORD.test(lower)) bits |= GATE.streetHint;
  if (lower.includes('order')) bits |= GATE.order;
  if (BIRTH_WORD.test(lower)) bits |= GATE.birth;
  if (lower.endsWith('d')) bits |= GATE.endsInD;
  return bits;
}
