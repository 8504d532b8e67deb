export { availabilityAt } from './business-hours';
export type { Availability } from './business-hours';
