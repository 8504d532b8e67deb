import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import { isSupportedLanguage } from '../intent-model';

/**
 * The languages a shop trains in: English (the default catalog's first language) plus every supported
 * language its buyers, trainers or merchant have used.
 */
export async function trainingLanguages(db: Db, shopId: string): Promise<string[]> {
  const sources = [schema.corpusTurns, schema.reviewItems, schema.trainerLabels, schema.botAnswerOverrides, schema.intentModelVersions];
  const found = new Set<string>(['en']);
  for (const table of sources) {
    const rows = await db.selectDistinct({ language: table.language }).from(table).where(eq(table.shopId, shopId));
    for (const row of rows) if (isSupportedLanguage(row.language)) found.add(row.language);
  }
  return [...found].sort();
}
