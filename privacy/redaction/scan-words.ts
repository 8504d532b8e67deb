import { isSpaceCode } from './address-segments';
import { classify } from './classify-word';
import type { Word } from './classify-word';
import { isLetterCode } from './is-letter-code';
import { loadNameGazetteer } from './name-gazetteer';
import type { TextFacts } from './text-facts';
import { GATE } from './word-gates';
import type { WordGates } from './word-gates';
import { lexiconEntry, lexiconEntryHashed } from './word-lexicon';
import type { LexiconEntry } from './word-lexicon';
import { FNV_OFFSET, fnvStep } from './word-table';

/** The words of a text that may take part in a name, and the gates its words open. */
export interface ScannedWords {
  words: Word[];
  gates: WordGates;
}

// ADDRESS_CUE ends in `\s*:?\s*(?=\d)`.
function digitAfterCue(text: string, at: number): boolean {
  let i = at;
  while (isSpaceCode(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 58) {
    i++;
    while (isSpaceCode(text.charCodeAt(i))) i++;
  }
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * One pass over the words of `text` (runs of letters, apostrophes and hyphens): each is looked
 * up once in the lexicon, classified for the name finder when it may be part of a name, and its
 * gates are collected for the address, order and birth-date patterns.
 */
export function scanWords(text: string, facts: TextFacts): ScannedWords {
  const g = loadNameGazetteer();
  const lowerCaseText = facts.lowerCase;
  const words: Word[] = [];
  let gates = 0;
  let streetFrom = -1;
  let topicFrom = -1;
  // The word before, and the two-word cue head of the one before that ("name" of "name is").
  let prev: LexiconEntry | undefined;
  let headBeforePrev = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const c = text.charCodeAt(i++);
    const lowerStart = c >= 97 && c <= 122;
    const fold = !lowerStart;
    // The word is hashed for its lexicon lookup while it is scanned (ASCII words only).
    let ascii = c < 128;
    let hash = ascii ? fnvStep(FNV_OFFSET, fold && c <= 90 ? c + 32 : c) : 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (((d | 32) - 97) >>> 0 < 26 || d === 39 || d === 45) {
          hash = fnvStep(hash, fold && d >= 65 && d <= 90 ? d + 32 : d);
          i++;
        } else break;
      } else if (d === 0x2019 || isLetterCode(d)) {
        ascii = false;
        i++;
      } else break;
    }
    const entry = ascii
      ? lexiconEntryHashed(g, text, start, i, fold, hash)
      : lexiconEntry(g, text, start, i, fold);
    const wordGates = entry.gates;
    if (wordGates !== 0) {
      gates |= wordGates;
      if (streetFrom < 0 && wordGates & GATE.street) streetFrom = start;
      if (topicFrom < 0 && wordGates & GATE.addressTopic) topicFrom = start;
      if (wordGates & GATE.addressCueEnd && digitAfterCue(text, i)) gates |= GATE.addressCue;
      if (wordGates & GATE.endsInD && text.charCodeAt(i) === 46) gates |= GATE.birth;
    }
    let cue: 'none' | 'cue' | 'title' = 'none';
    if (prev) {
      if (prev.title) cue = 'title';
      else if (prev.cue || (prev.cueTailOf & (1 << headBeforePrev)) !== 0) cue = 'cue';
    }
    if (cue === 'none' && lowerStart && !lowerCaseText && !entry.gaz && !entry.title && !entry.link) {
      // Fast path: an ordinary lower-case word in mixed-case text is never part of a name, and
      // leaving it out of `words` is safe because runs and neighbours are checked for adjacency.
    } else {
      words.push(classify(text, start, i, g, lowerCaseText, cue, entry));
    }
    headBeforePrev = prev ? prev.cueHead : 0;
    prev = entry;
  }
  return { words, gates: { bits: gates, streetFrom, topicFrom } };
}
