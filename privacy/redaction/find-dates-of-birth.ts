import { eachMatch } from './each-match';
import type { PiiSpan } from './labels';
import { ALL_GATES, GATE } from './word-gates';
import type { WordGates } from './word-gates';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  [
    '\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}\\b',
    '\\b(?:19|20)\\d{2}[/.-]\\d{1,2}[/.-]\\d{1,2}\\b',
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(?:19|20)\\d{2}\\b`,
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`,
  ].join('|'),
  'gi',
);
const BIRTH_CUE = /\b(?:born|birth|birthday|bday|dob|d\.o\.b\.?|date of birth|birthdate)\b/i;

/** Dates that are dates of birth: a date with a birth cue shortly before it (same clause). */
export function findDatesOfBirth(text: string, gates: WordGates = ALL_GATES): PiiSpan[] {
  if (!(gates.bits & GATE.birth) || !BIRTH_CUE.test(text)) return [];
  const spans: PiiSpan[] = [];
  eachMatch(DATE, text, (m) => {
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    const clause = before.split(/[.!?\n]\s/).pop() ?? '';
    if (BIRTH_CUE.test(clause)) spans.push({ start: m.index, end: m.index + m[0].length, label: 'DOB' });
  });
  return spans;
}
