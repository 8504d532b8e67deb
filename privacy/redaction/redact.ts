import type { RawText, RedactedText } from '../personal-text';
import { findAddresses } from './find-addresses';
import { findDatesOfBirth } from './find-dates-of-birth';
import { findNumberIds } from './find-number-ids';
import { findOrderIds } from './find-order-ids';
import { findPersons } from './find-persons';
import { findPhones } from './find-phones';
import { findStructuredIds } from './find-structured-ids';
import type { PiiSpan } from './labels';
import { mergeSpans } from './merge-spans';
import { scanWords } from './scan-words';
import { textFacts } from './text-facts';

/** Options for {@link redact}. */
export interface RedactOptions {
  /** BCP 47 locale of the text; reserved for locale-specific rules (Singapore rules always run). */
  locale?: string;
}

/** Redacted text plus the spans found, over the input (end exclusive). */
export interface RedactionResult {
  text: RedactedText;
  spans: PiiSpan[];
}

/** Finds the personal data in `text` without changing it. */
export function findPii(text: RawText | string): PiiSpan[] {
  const input = String(text);
  if (input.length === 0) return [];
  const facts = textFacts(input);
  const scanned = scanWords(input, facts);
  const candidates: PiiSpan[] = findStructuredIds(input, facts);
  candidates.push(...findPersons(input, facts, scanned));
  if (facts.digits > 0) {
    const gates = scanned.gates;
    candidates.push(
      ...findNumberIds(input, facts),
      ...findPhones(input),
      ...findOrderIds(input, facts, gates),
    );
    candidates.push(...findDatesOfBirth(input, gates), ...findAddresses(input, facts, gates));
  }
  return mergeSpans(candidates, input);
}

/**
 * Replaces every identifier in `text` by a typed placeholder such as `<EMAIL>`. This is the
 * only way to make a {@link RedactedText}.
 */
export function redact(text: RawText | string, _options: RedactOptions = {}): RedactionResult {
  const input = String(text);
  const spans = findPii(input);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    out += input.slice(cursor, span.start) + `<${span.label}>`;
    cursor = span.end;
  }
  out += input.slice(cursor);
  return { text: out as RedactedText, spans };
}
