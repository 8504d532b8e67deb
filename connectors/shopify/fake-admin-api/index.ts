export { startFakeAdminApi } from './start-fake';
export type { FakeAdminApi } from './start-fake';
export { mintSessionToken, verifySessionToken } from './session-token';
export type { SessionTokenClaims } from './session-token';
export { oauthQueryHmac, webhookHmac } from './oauth-hmac';
export { orderToRest, customerToRest } from './rest-payloads';
export { ADMIN_SDL } from './admin-schema';
export type { ShopState } from './shop-state';
export type { BulkOperationRecord, FakeAdminApiOptions, RiskAssessmentRecord, SegmentRecord, WebhookDelivery, WriteRecord } from './types';
