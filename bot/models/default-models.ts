import type { AnswerCatalog, CatalogLanguage } from '../../training';
import { catalogTrainingExamples } from '../../training';
import type { DefaultModels, IntentClassifier } from './model-types';

/** Options for {@link createDefaultModels}. */
export interface DefaultModelsOptions {
  catalog: AnswerCatalog;
  /** The production training pipeline (training's `trainIntentModel`). */
  train: (examples: Array<{ text: string; intent: string }>, options: { lang: string }) => Promise<IntentClassifier>;
  /** Stored model JSON per language; loaded instead of training when present. */
  stored?: Partial<Record<string, unknown>>;
  load?: (json: unknown) => IntentClassifier;
}

/**
 * Default models trained from the default catalog, once per process and language, on first use
 * (or at warm-up). Concurrent first uses share one training run.
 */
export function createDefaultModels(options: DefaultModelsOptions): DefaultModels {
  const cache = new Map<string, Promise<IntentClassifier | undefined>>();
  const languages: readonly string[] = options.catalog.languages;
  const build = async (language: string): Promise<IntentClassifier | undefined> => {
    const stored = options.stored?.[language];
    if (stored !== undefined && options.load) return options.load(stored);
    const examples = catalogTrainingExamples(options.catalog, language as CatalogLanguage);
    if (new Set(examples.map((e) => e.intent)).size < 2) return undefined;
    return options.train(examples, { lang: language });
  };
  return {
    languages: () => languages,
    get(language) {
      if (!languages.includes(language)) return Promise.resolve(undefined);
      let pending = cache.get(language);
      if (!pending) {
        pending = build(language);
        // A failed training must not poison the cache for the rest of the process.
        pending.catch(() => cache.delete(language));
        cache.set(language, pending);
      }
      return pending;
    },
  };
}
