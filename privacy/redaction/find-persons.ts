import { classify } from './classify-word';
import type { Word } from './classify-word';
import { CUE_AFTER_TWO } from './lexical';
import type { Lexical } from './lexical';
import type { PiiSpan } from './labels';
import { loadNameGazetteer } from './name-gazetteer';
import { joinCoordinated, runQualifies } from './person-run-rules';
import { isLetterCode } from './is-letter-code';
import { lexiconEntry } from './word-lexicon';

// "Dr. Tan", "J. Lim": one full stop, optionally followed by one whitespace character.
function initialGap(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(from) !== 46) return false;
  return to - from === 1 || (to - from === 2 && /\s/.test(text[from + 1]!));
}

export function findPersons(text: string): PiiSpan[] {
  const g = loadNameGazetteer();
  const lowerCaseText = text === text.toLowerCase();
  const words: Word[] = [];
  let prev1 = '';
  let prev2 = '';
  let prevLex: Lexical | undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isLetterCode(d) || d === 39 || d === 0x2019 || d === 45) i++;
      else break;
    }
    const c = text.charCodeAt(start);
    const lowerStart = c >= 97 && c <= 122;
    const entry = lexiconEntry(g, text, start, i, !lowerStart);
    const lex = entry.lex;
    let cue: 'none' | 'cue' | 'title' = 'none';
    if (prevLex) {
      if (prevLex.title) cue = 'title';
      else if (prevLex.cue || (prevLex.cueTail && CUE_AFTER_TWO.has(`${prev2} ${prev1}`))) cue = 'cue';
    }
    if (cue === 'none' && lowerStart && !lowerCaseText && !lex.gaz && !lex.title && !lex.link) {
      // Fast path: an ordinary lower-case word in mixed-case text is never part of a name, and
      // leaving it out of `words` is safe because runs and neighbours are checked for adjacency.
    } else {
      words.push(classify(text, start, i, g, lowerCaseText, cue, lex));
    }
    prev2 = prev1;
    prev1 = entry.key;
    prevLex = lex;
  }
  const spans: PiiSpan[] = [];
  const rejected: PiiSpan[] = [];
  i = 0;
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
      const prev = words[j - 1]!;
      const initial = prev.end - prev.start === 1 && prev.cap;
      const oneSpace = next.start - prev.end === 1 && text.charCodeAt(prev.end) === 32;
      if (!oneSpace && !((prev.kind === 'title' || initial) && initialGap(text, prev.end, next.start))) break;
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
