export { enqueueReviewItem, listReviewItems, countOpenReviewItems } from './review-items';
export type { NewReviewItem, ReviewItem, ScoredIntent, ListReviewItemsOptions } from './review-items';
