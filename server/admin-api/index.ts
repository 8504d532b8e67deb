export { adminApiRoutes } from './admin-api-routes';
export type { AdminApiDeps } from './admin-api-routes';
export { adminStaticRoutes, defaultAdminDistDir } from './admin-static-routes';
export type { AdminStaticDeps } from './admin-static-routes';
export { readStoreOverview } from './read-store-overview';
export type { StoreOverview, SyncRunView } from './store-overview-types';
