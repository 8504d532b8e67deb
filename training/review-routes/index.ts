export { reviewQueueRoutes } from './review-queue-routes';
export type { ReviewQueueRoutesDeps } from './review-queue-routes';
export { modelRoutes } from './model-routes';
export type { ModelRoutesDeps } from './model-routes';
export { readTrainingStats } from './training-stats';
export type { TrainingStats } from './training-stats';
