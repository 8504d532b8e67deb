import { classify, CUE_AFTER_TWO, lexical } from './classify-word';
import type { Lexical, Word } from './classify-word';
import type { PiiSpan } from './labels';
import { loadNameGazetteer } from './name-gazetteer';
import { joinCoordinated, runQualifies } from './person-run-rules';
import { scanWords } from './scan-words';

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
      words.push(classify(text, token, start, g, lowerCaseText, cue, lower));
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
