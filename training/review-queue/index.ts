export { enqueueReviewItem, listReviewItems, countOpenReviewItems } from './review-items';
export type { NewReviewItem, ReviewItem, ScoredIntent, ListReviewItemsOptions } from './review-items';
export { createReviewActions } from './review-actions';
export type { ReviewActions, ReviewActionsDeps, ReviewOutcome, Trainer, SaveAnswerOverride } from './review-actions';
export { listKnownIntents } from './known-intents';
export type { KnownIntent } from './known-intents';
export type { LabelAction } from './trainer-labels';
