export { shops } from './shops';
export { botState } from './bot-state';
export {
  shopifySessions,
  webhookDeliveries,
  customers,
  products,
  orders,
  orderLineItems,
  syncRuns,
  shopifyWrites,
} from './shopify';
export type { MailingAddress, Fulfillment } from './shopify';
export {
  botConversations,
  botTranscripts,
  botHandoffs,
  botRateLimits,
  botAnswerOverrides,
  intentModelVersions,
  reviewItems,
  corpusTurns,
} from './bot';
export { directLineConversations, directLineActivities, messengerPages, messengerThreads } from './channels';
export { shopSecrets, auditLog, subjectRequests } from './privacy';
export {
  riskIdentityLinks,
  riskAccounts,
  riskOrders,
  riskOrderSources,
  riskFailedLookups,
  riskSignupDevices,
  riskVerdicts,
  riskBlocklist,
  globalBlocklist,
  riskBlocklistEvents,
  riskAppeals,
  riskShopState,
} from './risk';
export { rateLimits } from './rate-limits';
export { trainerLabels, reviewMerges, trainingRuns } from './training';
export { audienceProfiles, audienceChatTopics, audienceRefreshes, audienceSegments, audienceSegmentSizes, audienceExports } from './audience';
