import { accountTimingSignal } from './account-timing';
import { blocklistSignal } from './blocklist-signal';
import { cardTestingSignal } from './card-testing';
import { countryMismatchSignal } from './country-mismatch';
import { discountAbuseSignal } from './discount-abuse';
import { disposableEmailSignal } from './disposable-email';
import { failedLookupsSignal } from './failed-lookups';
import { orderValueSignal } from './order-value';
import { FEATURE_NAMES } from './types';
import type { Features, Signal, SignalContext } from './types';
import { identityReuseSignal, velocitySignal } from './velocity';

/** The signals every verdict runs, in order. */
export const ALL_SIGNALS: readonly Signal[] = [
  blocklistSignal,
  velocitySignal,
  identityReuseSignal,
  discountAbuseSignal,
  disposableEmailSignal,
  countryMismatchSignal,
  accountTimingSignal,
  orderValueSignal,
  cardTestingSignal,
  failedLookupsSignal,
];

/** Runs every signal over the context; features no signal set are NaN ("does not apply"). */
export function computeFeatures(context: SignalContext, signals: readonly Signal[] = ALL_SIGNALS): Features {
  const features = Object.fromEntries(FEATURE_NAMES.map((name) => [name, Number.NaN])) as Features;
  for (const signal of signals) Object.assign(features, signal(context));
  return features;
}
