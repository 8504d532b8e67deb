export type { IntentClassifier, DefaultModels, ScoredIntent } from './model-types';
export { createDefaultModels } from './default-models';
export type { DefaultModelsOptions } from './default-models';
export { ShopModels } from './shop-models';
export type { ShopModelsOptions } from './shop-models';
export { storeActiveModel } from './store-active-model';
