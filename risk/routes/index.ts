export { riskAdminRoutes } from './risk-admin-routes';
export type { RiskAdminRoutesDeps } from './risk-admin-routes';
export { publicAppealRoutes } from './public-appeal-routes';
export { storefrontDeviceRoutes, DEVICE_EVENTS_PATH, DEFAULT_DEVICE_EVENT_RATE_LIMITS } from './storefront-device-routes';
export type { DeviceEventRateLimits, StorefrontDeviceRoutesDeps } from './storefront-device-routes';
