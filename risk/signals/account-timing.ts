import type { Signal } from './types';

const MINUTE = 60_000;

/** Minutes from sign-up to the first order (first orders only), and the account's age in days. */
export const accountTimingSignal: Signal = ({ kind, at, profile, priorOrders }) => {
  const signedUp = profile?.signedUpAt ?? profile?.firstSeen;
  const firstOrder = kind === 'order' && priorOrders === 0 && signedUp !== undefined;
  return {
    signup_to_order_minutes: firstOrder ? (at - signedUp) / MINUTE : Number.NaN,
    account_age_days: profile ? (at - profile.firstSeen) / (1440 * MINUTE) : 0,
  };
};
