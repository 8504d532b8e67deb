export { trainIntentModel } from './train-intent-model';
export { IntentModel, loadIntentModel } from './intent-model';
export type { IntentModelParameters } from './intent-model';
export { detectLanguage } from './detect-language';
export type { LanguageDetection } from './detect-language';
export { SUPPORTED_LANGUAGES, isSupportedLanguage } from './language-tools';
export type { SupportedLanguage } from './language-tools';
export { NONE_INTENT } from './types';
export type { IntentClassification, IntentExample, IntentModelJson, IntentScore, TrainIntentModelOptions } from './types';
