export { createWriteBack, MAX_RISK_FACTS, MAX_RISK_FACT_LENGTH } from './write-back';
export type { ShopifyWriteBack, RiskAssessmentInput } from './write-back';
export { ShopifyWriteRejectedError, writeOnce } from './idempotent-write';
