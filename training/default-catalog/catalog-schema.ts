import { z } from 'zod';

const languageSchema = z.enum(['en', 'zh', 'ms', 'ta']);
const phrasesSchema = z.array(z.string().trim().min(1).max(500));

/** A quick-reply button; Messenger caps titles at 20 characters. */
export const answerButtonSchema = z.object({ title: z.string().trim().min(1).max(20), value: z.string().trim().min(1).max(1000) });

/** A link shown under an answer: absolute https or a shop-relative path. */
export const answerLinkSchema = z.object({
  title: z.string().trim().min(1).max(80),
  url: z.string().refine((u) => u.startsWith('/') || /^https:\/\/[^\s]+$/.test(u), 'must be https:// or a path starting with /'),
});

/** One answer in one language. */
export const answerSchema = z.object({
  text: z.string().trim().min(1).max(2000),
  buttons: z.array(answerButtonSchema).max(13).optional(),
  links: z.array(answerLinkSchema).max(5).optional(),
});

const intentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ only').refine((id) => id !== 'none', '"none" is reserved'),
  examples: z.partialRecord(languageSchema, phrasesSchema),
  answers: z.partialRecord(languageSchema, answerSchema),
});

/**
 * A merchant's answer catalog: intents with example phrasings and a standard answer per language, plus
 * out-of-scope (`None`) phrasings and the answer given when the bot is not sure. The default catalog and
 * every merchant catalog are checked by this one schema.
 */
export const answerCatalogSchema = z
  .object({
    version: z.literal(1),
    languages: z.array(languageSchema).min(1),
    intents: z.array(intentSchema).min(1),
    outOfScope: z.object({ examples: z.partialRecord(languageSchema, phrasesSchema), answers: z.partialRecord(languageSchema, answerSchema) }),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.intents.forEach((intent, index) => {
      if (seen.has(intent.id)) ctx.addIssue({ code: 'custom', path: ['intents', index, 'id'], message: `duplicate intent "${intent.id}"` });
      seen.add(intent.id);
      for (const lang of catalog.languages) {
        if (!intent.answers[lang]) ctx.addIssue({ code: 'custom', path: ['intents', index, 'answers', lang], message: `intent "${intent.id}" has no ${lang} answer` });
      }
      if (!catalog.languages.some((lang) => (intent.examples[lang]?.length ?? 0) > 0)) {
        ctx.addIssue({ code: 'custom', path: ['intents', index, 'examples'], message: `intent "${intent.id}" has no example phrasings` });
      }
    });
    for (const lang of catalog.languages) {
      if (!catalog.outOfScope.answers[lang]) ctx.addIssue({ code: 'custom', path: ['outOfScope', 'answers', lang], message: `no ${lang} answer for out-of-scope questions` });
    }
  });

/** A validated answer catalog. */
export type AnswerCatalog = z.infer<typeof answerCatalogSchema>;
/** One intent of an {@link AnswerCatalog}. */
export type CatalogIntent = AnswerCatalog['intents'][number];
/** One answer of a {@link CatalogIntent}. */
export type CatalogAnswer = z.infer<typeof answerSchema>;
/** A language an answer catalog can use. */
export type CatalogLanguage = z.infer<typeof languageSchema>;
