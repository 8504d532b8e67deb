import { eachMatch } from './each-match';
import type { PiiSpan } from './labels';
import { textFacts } from './text-facts';
import type { TextFacts } from './text-facts';
import { ALL_GATES, GATE } from './word-gates';
import type { WordGates } from './word-gates';

// "#1042" (not a "#05-67" unit number) and "order 1234" / "order no. 1234" / "order id: SG-1234".
const HASH_NUMBER = /(?<![\w&])#\s?\d{3,10}(?![\w-]|\.\d)/g;
const ORDER_WORD = /\border(?:\s+(?:no\.?|number|num|id|ref))?\s*[:#]?\s*(#?[A-Z]{0,4}-?\d{3,12})\b/gi;

/** Shopify order numbers. */
export function findOrderIds(
  text: string,
  facts: TextFacts = textFacts(text),
  gates: WordGates = ALL_GATES,
): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (facts.hashes > 0) {
    eachMatch(HASH_NUMBER, text, (m) => {
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'ORDER_ID' });
    });
  }
  if (gates.bits & GATE.order)
    eachMatch(ORDER_WORD, text, (m) => {
      const id = m[1] ?? '';
      const start = m.index + m[0].length - id.length;
      spans.push({ start, end: start + id.length, label: 'ORDER_ID' });
    });
  return spans;
}
