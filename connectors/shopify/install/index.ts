export { installRoutes } from './install-routes';
export { completeInstall } from './install-shop';
export type { InstallDeps } from './install-shop';
