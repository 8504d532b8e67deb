import { MILITARY, NUMBER_WORDS_NUMBER, SG_POSTAL, TWO_NUMBERS_WORD } from './address-words';
import type { TextFacts } from './text-facts';

/** The patterns worth running on this text: each needs digits of a shape the text has. */
export function seedPatterns(facts: TextFacts, lower: string): RegExp[] {
  const patterns: RegExp[] = [];
  if (facts.longestDigitRun >= 6) patterns.push(SG_POSTAL);
  if (facts.longestDigitRun >= 5 && lower.includes('po')) patterns.push(MILITARY);
  if (facts.digitRuns >= 2) patterns.push(NUMBER_WORDS_NUMBER);
  if (facts.spacedDigitPair) patterns.push(TWO_NUMBERS_WORD);
  return patterns;
}

/** False when the text cannot hold a postal-code cue ("zip", "postal", "post code", "pin code"). */
export const mayHavePostalCue = (lower: string) =>
  lower.includes('zip') || lower.includes('post') || lower.includes('pin code');
