export { mergeAnswers, parseCatalogAnswer, defaultIntentActions } from './shop-answers';
export type { ShopAnswers, IntentAction, AnswerOverride } from './shop-answers';
export { loadAnswerOverrides, saveAnswerOverride, deleteAnswerOverride } from './answer-overrides';
