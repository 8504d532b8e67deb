export { installRoutes } from './install-routes';
export { completeInstall, installWithSessionToken } from './install-shop';
export type { InstallDeps } from './install-shop';
export { activateWebPixel } from './activate-web-pixel';
export type { WebPixelActivation } from './activate-web-pixel';
