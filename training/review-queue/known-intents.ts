import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { AnswerCatalog } from '../default-catalog';

/** An intent trainers can assign: from the catalog, or the merchant's own (an answer or labels of their own). */
export interface KnownIntent {
  id: string;
  source: 'catalog' | 'merchant';
}

/** The intents of a shop in a language, catalog ones first, each once. */
export async function listKnownIntents(db: Db, shopId: string, language: string, catalog: AnswerCatalog): Promise<KnownIntent[]> {
  const result: KnownIntent[] = catalog.intents.map((intent) => ({ id: intent.id, source: 'catalog' as const }));
  const seen = new Set(result.map((i) => i.id));
  const overrides = schema.botAnswerOverrides;
  const labels = schema.trainerLabels;
  const own = [
    ...(await db.select({ id: overrides.intent }).from(overrides).where(and(eq(overrides.shopId, shopId), eq(overrides.language, language)))),
    ...(await db.selectDistinct({ id: labels.intent }).from(labels).where(and(eq(labels.shopId, shopId), eq(labels.language, language)))),
  ]
    .map((r) => r.id)
    .sort();
  for (const id of own) {
    if (seen.has(id) || id === 'None') continue;
    seen.add(id);
    result.push({ id, source: 'merchant' });
  }
  return result;
}
