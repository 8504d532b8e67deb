import type { Word } from './classify-word';
import type { PiiSpan } from './labels';
import { joinCoordinated, runQualifies } from './person-run-rules';
import { scanWords } from './scan-words';
import type { ScannedWords } from './scan-words';
import { textFacts } from './text-facts';
import type { TextFacts } from './text-facts';

// "Dr. Tan", "J. Lim": one full stop, optionally followed by one whitespace character.
function initialGap(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(from) !== 46) return false;
  return to - from === 1 || (to - from === 2 && /\s/.test(text[from + 1]!));
}

/** Person names as people write them in chat, from a gazetteer plus capitalisation and cues. */
export function findPersons(
  text: string,
  facts: TextFacts = textFacts(text),
  scanned: ScannedWords = scanWords(text, facts),
): PiiSpan[] {
  const lowerCaseText = facts.lowerCase;
  const words = scanned.words;
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
