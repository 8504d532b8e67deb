export { createRateLimits } from './postgres-rate-limits';
export { createSubjectHasher } from './subject-hash';
export type { RateLimitsOptions } from './postgres-rate-limits';
export type { RateLimitsQueryable } from './run-named';
export type { RateLimit, RateLimitAttempt, RateLimitDecision, RateLimits } from './types';
