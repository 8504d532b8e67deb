import { CUE_AFTER_TWO, lexical } from './lexical';
import type { Lexical } from './lexical';
import type { NameGazetteer } from './name-gazetteer';
import { WordTable } from './word-table';
import { wordGates } from './word-gates';

/**
 * A word as the person detector keys it, with its gazetteer facts inline (one object per word,
 * so the scan reads them without a second hop).
 */
export interface LexiconEntry extends Lexical {
  key: string;
  /** Gate bits of the word (see `GATE` in word-gates). */
  gates: number;
  /** Which two-word cue ("name is", "call me") the word opens: 0 for none. */
  cueHead: number;
  /** Bit `1 << h` set when the word closes the two-word cue opened by head `h`. */
  cueTailOf: number;
}

function entryOf(key: string, g: NameGazetteer): LexiconEntry {
  const { gaz, common, place, title, link, stop, cue, cueTail } = lexical(key, g);
  const cueHead = CUE_HEADS.indexOf(key) + 1;
  const cueTailOf = CUE_TAILS_OF.get(key) ?? 0;
  return {
    key,
    gaz,
    common,
    place,
    title,
    link,
    stop,
    cue,
    cueTail,
    gates: wordGates(key),
    cueHead,
    cueTailOf,
  };
}

const CUE_HEADS = [...new Set([...CUE_AFTER_TWO].map((phrase) => phrase.split(' ')[0]!))];
const CUE_TAILS_OF = new Map<string, number>();
for (const phrase of CUE_AFTER_TWO) {
  const [head = '', tail = ''] = phrase.split(' ');
  CUE_TAILS_OF.set(tail, (CUE_TAILS_OF.get(tail) ?? 0) | (1 << (CUE_HEADS.indexOf(head) + 1)));
}

let table: WordTable<LexiconEntry> | undefined;
let tableFor: NameGazetteer | undefined;

function tableOf(g: NameGazetteer): WordTable<LexiconEntry> {
  if (!table || tableFor !== g) {
    table = new WordTable((key) => entryOf(key, g));
    tableFor = g;
  }
  return table;
}

/** Gazetteer facts about `text[start, end)`, lower-cased first when `fold` (memoised). */
export function lexiconEntry(
  g: NameGazetteer,
  text: string,
  start: number,
  end: number,
  fold: boolean,
): LexiconEntry {
  return tableOf(g).get(text, start, end, fold);
}

/** {@link lexiconEntry} for an ASCII word hashed while scanning it (see `WordTable.getHashed`). */
export function lexiconEntryHashed(
  g: NameGazetteer,
  text: string,
  start: number,
  end: number,
  fold: boolean,
  hash: number,
): LexiconEntry {
  return tableOf(g).getHashed(text, start, end, fold, hash);
}
