export { healthRoutes } from './health-routes';
export type { ReadinessProbe } from './health-routes';
export { databaseProbe } from './database-probe';
