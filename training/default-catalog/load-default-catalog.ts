import { ValidationError } from '../../core/errors';
import { answerCatalogSchema } from './catalog-schema';
import type { AnswerCatalog, CatalogLanguage } from './catalog-schema';
import defaultCatalogJson from './default-catalog.json';

/** Result of {@link parseAnswerCatalog}: the catalog, or every problem found. */
export type ParseCatalogResult = { ok: true; catalog: AnswerCatalog } | { ok: false; problems: string[] };

/** Validates a catalog (a merchant's upload, say); problems come back as values, each with its path. */
export function parseAnswerCatalog(input: unknown): ParseCatalogResult {
  const parsed = answerCatalogSchema.safeParse(input);
  if (parsed.success) return { ok: true, catalog: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
}

let cached: AnswerCatalog | undefined;

/** The e-commerce catalog that ships with storedesk; a new shop's bot answers from it until it trains its own. */
export function loadDefaultCatalog(): AnswerCatalog {
  if (cached) return cached;
  const result = parseAnswerCatalog(defaultCatalogJson);
  if (!result.ok) throw new ValidationError(`The default catalog is invalid: ${result.problems.join('; ')}`);
  cached = result.catalog;
  return cached;
}

/** Training examples of one language from a catalog, out-of-scope phrasings labelled `None`. */
export function catalogTrainingExamples(catalog: AnswerCatalog, lang: CatalogLanguage): Array<{ text: string; intent: string }> {
  const examples = catalog.intents.flatMap((intent) => (intent.examples[lang] ?? []).map((text) => ({ text, intent: intent.id })));
  const none = (catalog.outOfScope.examples[lang] ?? []).map((text) => ({ text, intent: 'None' }));
  return [...examples, ...none];
}
