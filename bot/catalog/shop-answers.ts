import type { AnswerCatalog, CatalogAnswer } from '../../training';
import { answerSchema } from '../../training';

/** What the bot does for an intent besides answering: look up an order or hand over to a person. */
export type IntentAction = 'order-status' | 'handoff';

/** Default intent actions of the shipped catalog. */
export const defaultIntentActions: Readonly<Record<string, IntentAction>> = { track_order: 'order-status', contact_human_agent: 'handoff' };

/** An answer override row, already validated. */
export interface AnswerOverride {
  intent: string;
  language: string;
  answer: CatalogAnswer;
}

/** Checks a merchant's answer before it is stored or served (the catalog's own answer schema). */
export function parseCatalogAnswer(value: unknown): { ok: true; answer: CatalogAnswer } | { ok: false; reason: string } {
  const parsed = answerSchema.safeParse(value);
  return parsed.success ? { ok: true, answer: parsed.data } : { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

/** Answers of one shop: its overrides on top of the default catalog. */
export interface ShopAnswers {
  has(intent: string): boolean;
  action(intent: string): IntentAction | undefined;
  /** The answer in `language`, else in English; shop-relative links made absolute. */
  answer(intent: string, language: string): CatalogAnswer | undefined;
  /** A short button label for an intent (at most 20 characters). */
  title(intent: string, language: string): string | undefined;
  /** The buttons of the greeting answer, offered with the welcome. */
  topActions(language: string): Array<{ title: string; value: string }>;
}

/** Builds a shop's answers from the catalog and its override rows. */
export function mergeAnswers(
  catalog: AnswerCatalog,
  overrides: readonly AnswerOverride[],
  options: { shopDomain: string; actions?: Readonly<Record<string, IntentAction>> },
): ShopAnswers {
  const intents = new Map(catalog.intents.map((i) => [i.id, i]));
  const custom = new Map(overrides.map((o) => [`${o.intent}\u0000${o.language}`, o.answer]));
  const actions = options.actions ?? defaultIntentActions;
  const raw = (intent: string, language: string): CatalogAnswer | undefined =>
    custom.get(`${intent}\u0000${language}`) ?? (intents.get(intent)?.answers as Record<string, CatalogAnswer> | undefined)?.[language];
  const absolute = (url: string) => (url.startsWith('/') ? `https://${options.shopDomain}${url}` : url);
  const buttonTitles = new Map<string, string>();
  for (const intent of catalog.intents) {
    for (const [language, answer] of Object.entries(intent.answers as Record<string, CatalogAnswer>)) {
      for (const b of answer.buttons ?? []) if (!buttonTitles.has(`${b.value}\u0000${language}`)) buttonTitles.set(`${b.value}\u0000${language}`, b.title);
    }
  }
  const answer = (intent: string, language: string) => {
    const found = raw(intent, language) ?? raw(intent, 'en');
    return found && { ...found, links: found.links?.map((l) => ({ ...l, url: absolute(l.url) })) };
  };
  return {
    has: (intent) => intents.has(intent),
    action: (intent) => actions[intent],
    answer,
    title(intent, language) {
      const labelled = buttonTitles.get(`${intent}\u0000${language}`);
      if (labelled) return labelled;
      const example = (intents.get(intent)?.examples as Record<string, string[]> | undefined)?.[language]?.[0];
      return example && (example.length <= 20 ? example : `${Array.from(example).slice(0, 19).join('')}…`);
    },
    topActions: (language) => (answer('greeting', language)?.buttons ?? []).map((b) => ({ title: b.title, value: b.value })),
  };
}
