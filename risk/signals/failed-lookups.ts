import type { Signal } from './types';

/**
 * Failed order-status look-ups in chat from the event's device or IP: someone guessing order
 * numbers and emails is probing for other buyers' orders, whatever account they then use.
 */
export const failedLookupsSignal: Signal = (context) => ({
  failed_lookups_1h: context.sourceFailedLookups.hour,
  failed_lookups_24h: context.sourceFailedLookups.day,
});
