export { parseOrderDetails } from './parse-order-details';
export type { OrderDetails } from './parse-order-details';
export { FailureLimiter } from './failure-limiter';
export type { LimitRule } from './failure-limiter';
export { OrderLookups } from './order-lookups';
export { orderStatusStep, defaultOrderLookupLimits } from './order-status-step';
export type { OrderLookupLimits, OrderStatusDeps, OrderStatusInput, OrderStatusOutcome } from './order-status-step';
