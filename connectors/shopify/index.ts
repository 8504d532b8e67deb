export { createShopifyConnector } from './shopify-connector';
export type { ShopifyConnector, ShopifyConnectorDeps } from './shopify-connector';
export { SHOPIFY_API_VERSION, toGid, fromGid, normalizeShopDomain } from './app';
export type { ComplianceHandler, ConnectorEvent, ProcessOutcome } from './webhooks';
export { WEBHOOK_TOPICS } from './webhooks';
export type { SyncProgress, SyncResource } from './sync';
export type { ShopifyWriteBack, RiskAssessmentInput } from './write-back';
export { ShopifyWriteRejectedError, MAX_RISK_FACTS, MAX_RISK_FACT_LENGTH } from './write-back';
export type { AdminGraphqlClient } from './admin-client';
