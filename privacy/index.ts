export {
  redact,
  findPii,
  redactJsonlStream,
  PII_LABELS,
  DIRECT_IDENTIFIER_LABELS,
  isValidNric,
  isValidIban,
  passesLuhn,
} from './redaction';
export type {
  RedactOptions,
  RedactionResult,
  PiiLabel,
  PiiSpan,
  RedactJsonlOptions,
  RedactJsonlSummary,
} from './redaction';
export { asRawText } from './personal-text';
export type { RawText, RedactedText } from './personal-text';
export {
  ageBand,
  ageBandFromBirthDate,
  postalDistrict,
  amountTier,
  TIER_EDGES,
  DEFAULT_TIER_EDGES,
} from './generalize';
export type { AgeBand, PostalDistrict, AmountTierOptions } from './generalize';
export { smallestGroupSize, checkKAnonymity, effectiveK, DEFAULT_K, MIN_K } from './k-anonymity';
export type { KAnonymityResult } from './k-anonymity';
export { pseudonymizeWithKey } from './pseudonymize';
