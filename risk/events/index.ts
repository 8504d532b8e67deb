export type { AccountEvent, OrderEvent, RiskEvent, FailedLookupEvent, ReplayEvent, EventAttrs, EventFacts } from './types';
export { readEventFacts } from './read-event-facts';
