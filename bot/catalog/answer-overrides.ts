import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { CatalogAnswer } from '../../training';
import type { AnswerOverride } from './shop-answers';
import { parseCatalogAnswer } from './shop-answers';

/** Loads the shop's answer overrides; rows that fail validation are skipped so one bad edit can't break the bot. */
export async function loadAnswerOverrides(db: Db, shopId: string): Promise<AnswerOverride[]> {
  const table = schema.botAnswerOverrides;
  const rows = await db.select().from(table).where(eq(table.shopId, shopId));
  const result: AnswerOverride[] = [];
  for (const row of rows) {
    const parsed = parseCatalogAnswer(row.answer);
    if (parsed.ok) result.push({ intent: row.intent, language: row.language, answer: parsed.answer });
  }
  return result;
}

/** Stores (or replaces) the shop's own answer for an intent and language. */
export async function saveAnswerOverride(db: Db, shopId: string, intent: string, language: string, answer: CatalogAnswer): Promise<void> {
  const table = schema.botAnswerOverrides;
  const value = { ...answer } as Record<string, unknown>;
  await db
    .insert(table)
    .values({ shopId, intent, language, answer: value })
    .onConflictDoUpdate({ target: [table.shopId, table.intent, table.language], set: { answer: value, updatedAt: new Date() } });
}

/** Removes the shop's own answer, so the default one shows again. */
export async function deleteAnswerOverride(db: Db, shopId: string, intent: string, language: string): Promise<void> {
  const table = schema.botAnswerOverrides;
  await db.delete(table).where(and(eq(table.shopId, shopId), eq(table.intent, intent), eq(table.language, language)));
}
