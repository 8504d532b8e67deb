import { MILITARY, NUMBER_WORDS_NUMBER, SG_POSTAL, TWO_NUMBERS_WORD } from './address-words';
import type { TextFacts } from './text-facts';
import { GATE } from './word-gates';

/** The patterns worth running on this text: each needs digits of a shape the text has. */
export function seedPatterns(facts: TextFacts, gateBits: number): RegExp[] {
  const patterns: RegExp[] = [];
  if (facts.longestDigitRun >= 6) patterns.push(SG_POSTAL);
  if (facts.longestDigitRun >= 5 && gateBits & GATE.po) patterns.push(MILITARY);
  if (facts.digitRuns >= 2) patterns.push(NUMBER_WORDS_NUMBER);
  if (facts.spacedDigitPair) patterns.push(TWO_NUMBERS_WORD);
  return patterns;
}
