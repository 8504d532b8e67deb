export { createApp, notFound } from './create-app';
export type { CreateAppOptions } from './create-app';
export { toErrorResponse, isUnavailable } from './error-response';
export type { ErrorBody } from './error-response';
export { rawBodyOf, type RouteModule } from '../../core/http';
