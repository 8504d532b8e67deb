export { installRoutes } from './install-routes';
export { completeInstall, installWithSessionToken } from './install-shop';
export type { InstallDeps } from './install-shop';
