import type { RulesDocument } from './rules-document';
import type { Decision } from './types';

/** allow below the review threshold, deny at or above the deny threshold, review in between. */
export function decide(score: number, thresholds: RulesDocument['thresholds']): Decision {
  if (score >= thresholds.deny) return 'deny';
  if (score >= thresholds.review) return 'review';
  return 'allow';
}
