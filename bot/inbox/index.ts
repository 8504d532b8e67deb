export { InboxService } from './inbox-service';
export type { InboxDeps, InboxHandoff } from './inbox-service';
export { inboxRoutes } from './inbox-routes';
export type { Authenticate, InboxRoutesDeps } from './inbox-routes';
