import { lexical } from './lexical';
import type { Lexical } from './lexical';
import type { NameGazetteer } from './name-gazetteer';
import { WordTable } from './word-table';
import { wordGates } from './word-gates';

/** A word as the person detector keys it, with its gazetteer facts. */
export interface LexiconEntry {
  key: string;
  lex: Lexical;
  /** Gate bits of the word (see `GATE` in word-gates). */
  gates: number;
}

let table: WordTable<LexiconEntry> | undefined;
let tableFor: NameGazetteer | undefined;

function tableOf(g: NameGazetteer): WordTable<LexiconEntry> {
  if (!table || tableFor !== g) {
    table = new WordTable((key) => ({ key, lex: lexical(key, g), gates: wordGates(key) }));
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
