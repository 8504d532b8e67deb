export { readBody, rawBodyOf } from './read-body';
export type { BodyLimits } from './read-body';
export type { RouteModule } from './route-module';
export { clientAddress } from './client-address';
export { parseStorableJson, unstorableTextAt } from './storable-text';
