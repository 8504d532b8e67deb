export { riskAdminRoutes } from './risk-admin-routes';
export type { RiskAdminRoutesDeps } from './risk-admin-routes';
export { publicAppealRoutes } from './public-appeal-routes';
