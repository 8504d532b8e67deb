export { answerCatalogSchema, answerSchema, answerButtonSchema, answerLinkSchema } from './catalog-schema';
export type { AnswerCatalog, CatalogAnswer, CatalogIntent, CatalogLanguage } from './catalog-schema';
export { loadDefaultCatalog, parseAnswerCatalog, catalogTrainingExamples } from './load-default-catalog';
export type { ParseCatalogResult } from './load-default-catalog';
