export { messagesRoute } from './messages-route';
export type { MessagesRouteDeps } from './messages-route';
export { validateActivity, defaultActivityLimits } from './validate-activity';
export type { ActivityLimits } from './validate-activity';
export { isLoopback } from './is-loopback';
export { StoredeskCloudAdapter } from './storedesk-cloud-adapter';
export { CachingBotAuthentication } from './caching-bot-authentication';
