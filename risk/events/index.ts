export type { AccountEvent, OrderEvent, RiskEvent, EventAttrs, EventFacts } from './types';
export { readEventFacts } from './read-event-facts';
