import { MILITARY, NUMBER_WORDS_NUMBER, SG_POSTAL, TWO_NUMBERS_WORD } from './address-words';

const isDigit = (c: number) => c >= 48 && c <= 57;

interface DigitShape {
  longestRun: number;
  runs: number;
  /** A digit, one space, a digit ("95 199"). */
  spacedPair: boolean;
}

// One pass over the text so that number-led patterns run only where they can match.
function digitShape(text: string): DigitShape {
  let longestRun = 0;
  let runs = 0;
  let spacedPair = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run === 0) runs++;
      if (++run > longestRun) longestRun = run;
    } else {
      if (c === 32 && run > 0 && isDigit(text.charCodeAt(i + 1))) spacedPair = true;
      run = 0;
    }
  }
  return { longestRun, runs, spacedPair };
}

/** The patterns worth running on this text: each needs digits of a shape the text has. */
export function seedPatterns(text: string, lower: string): RegExp[] {
  const shape = digitShape(text);
  const patterns: RegExp[] = [];
  if (shape.longestRun >= 6) patterns.push(SG_POSTAL);
  if (shape.longestRun >= 5 && lower.includes('po')) patterns.push(MILITARY);
  if (shape.runs >= 2) patterns.push(NUMBER_WORDS_NUMBER);
  if (shape.spacedPair) patterns.push(TWO_NUMBERS_WORD);
  return patterns;
}

/** False when the text cannot hold a postal-code cue ("zip", "postal", "post code", "pin code"). */
export const mayHavePostalCue = (lower: string) =>
  lower.includes('zip') || lower.includes('post') || lower.includes('pin code');
