export { createMetrics } from './create-metrics';
export type { Metrics } from './create-metrics';
