export { webChatRoutes } from './web-chat-routes';
export type { WebChatRoutesDeps } from './web-chat-routes';
export { webChatBundlePath } from './webchat-bundle';
