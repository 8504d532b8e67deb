/** What later became of a scored order or account; the learned model's labels. */
export type Outcome =
  | 'chargeback'
  | 'cancelled-as-fraud'
  | 'review-confirmed-fraud'
  | 'review-cleared'
  | 'appeal-rejected'
  | 'appeal-lifted'
  | 'fulfilled-without-dispute';

const FRAUD: ReadonlySet<Outcome> = new Set([
  'chargeback',
  'cancelled-as-fraud',
  'review-confirmed-fraud',
  'appeal-rejected',
]);

/** True when the outcome says the order was fraud or abuse; a lifted appeal counts as genuine. */
export function isFraudOutcome(outcome: Outcome): boolean {
  return FRAUD.has(outcome);
}
