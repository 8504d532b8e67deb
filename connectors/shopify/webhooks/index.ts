export { webhookRoutes } from './receive-webhook';
export type { ReceiveWebhookDeps } from './receive-webhook';
export { processWebhookDelivery, pendingDeliveries } from './process-delivery';
export type { ComplianceHandler, ConnectorEvent, ProcessOutcome, ProcessDeliveryDeps } from './process-delivery';
export { WEBHOOK_TOPICS, isKnownTopic } from './topics';
export type { WebhookTopic } from './topics';
