export { redact, findPii } from './redact';
export type { RedactOptions, RedactionResult } from './redact';
export { PII_LABELS, DIRECT_IDENTIFIER_LABELS } from './labels';
export type { PiiLabel, PiiSpan } from './labels';
export { isValidNric, isValidIban, passesLuhn } from './checksums';
export { redactJsonlStream } from './redact-jsonl-stream';
export type { RedactJsonlOptions, RedactJsonlSummary } from './redact-jsonl-stream';
