import { FEATURE_NAMES } from '../signals';
import type { Features } from '../signals';

/**
 * Turns features into model inputs: counts on a log scale (the tenth linked account matters less
 * than the second), timings as "how fast", and NaN ("does not apply") as 0.
 */
export function toModelInputs(features: Features): number[] {
  return FEATURE_NAMES.map((name) => {
    const value = features[name];
    if (Number.isNaN(value)) return 0;
    switch (name) {
      case 'amount_z':
        return Math.max(-6, Math.min(6, value));
      case 'signup_to_order_minutes':
        return 1 / (1 + Math.max(0, value) / 10);
      case 'account_age_days':
        return Math.log1p(Math.max(0, value));
      default:
        return Math.log1p(Math.max(0, value));
    }
  });
}
