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
export { createPseudonymizer, rotateShopKey, retireShopKeys } from './keys';
export type { Pseudonymizer, PseudonymizerOptions } from './keys';
export { createAuditLog, staffAuditSink, parseAuditEvent, ACTOR_KINDS, auditRoutes } from './audit';
export type { AuditLog, AuditFilters, AuditPage, AuditEvent, AuditEntry, ActorKind, AuthenticateStaffRequest } from './audit';
export { createRetention, tableRetentionTargets } from './retention';
export type { RetentionTarget, RetentionDeps, RetentionReport } from './retention';
export {
  createSubjectRights,
  createComplianceHandler,
  subjectRequestRoutes,
  shopifyMirrorHolder,
  webhookPayloadHolder,
  normalizeSubject,
  isEmptySubject,
  subjectFromShopifyPayload,
  EXPORT_TTL_DAYS,
} from './subject-rights';
export type {
  SubjectRights,
  SubjectRightsDeps,
  SubjectExport,
  ComplianceHandler,
  Subject,
  SubjectDataHolder,
  ShopifyCustomerPayload,
  SubjectRequestSummary,
  SubjectRequestKind,
} from './subject-rights';
export { generatePrivacyRecords, renderPrivacyNotice, gatherRecordFacts, COUNTED_TABLES, privacyNoticeRoutes } from './records';
export type { PrivacyDocument, RecordFacts } from './records';
export { createPrivacyServices } from './privacy-services';
export type { PrivacyServices } from './privacy-services';
