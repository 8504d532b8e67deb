export { redact, findPii, PII_LABELS, DIRECT_IDENTIFIER_LABELS, isValidNric, isValidIban, passesLuhn } from './redaction';
export type { RedactOptions, RedactionResult, PiiLabel, PiiSpan } from './redaction';
export { asRawText } from './personal-text';
export type { RawText, RedactedText } from './personal-text';
