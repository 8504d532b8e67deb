import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { AnswerCatalog, CatalogLanguage } from '../default-catalog';
import { catalogTrainingExamples } from '../default-catalog';
import type { CorpusSources } from './assemble-corpus';

/** Options of {@link loadCorpusSources}. */
export interface LoadCorpusOptions {
  catalog: AnswerCatalog;
  /** Only bot turns scored at least this high are read (default 0.9). */
  confidentScore?: number;
  /** Newest confident turns read at most (default 5000). */
  maxConfidentTurns?: number;
}

/** Reads a shop's corpus sources for one language: catalog phrasings, trainers' labels, confident redacted turns. */
export async function loadCorpusSources(db: Db, shopId: string, language: string, options: LoadCorpusOptions): Promise<CorpusSources> {
  const catalogLanguage = (options.catalog.languages as readonly string[]).includes(language) ? (language as CatalogLanguage) : undefined;
  const catalog = catalogLanguage ? catalogTrainingExamples(options.catalog, catalogLanguage) : [];
  const labelsTable = schema.trainerLabels;
  const labels = await db
    .select({ id: labelsTable.id, text: labelsTable.text, intent: labelsTable.intent })
    .from(labelsTable)
    .where(and(eq(labelsTable.shopId, shopId), eq(labelsTable.language, language)))
    .orderBy(labelsTable.createdAt, labelsTable.id);
  const turns = schema.corpusTurns;
  const confident = await db
    .select({ text: turns.text, intent: turns.intent, score: turns.score })
    .from(turns)
    .where(
      and(
        eq(turns.shopId, shopId),
        eq(turns.language, language),
        eq(turns.source, 'bot'),
        isNotNull(turns.intent),
        gte(turns.score, options.confidentScore ?? 0.9),
      ),
    )
    .orderBy(desc(turns.createdAt))
    .limit(options.maxConfidentTurns ?? 5000);
  return {
    shopId,
    language,
    catalog,
    labels,
    confidentTurns: confident.map((t) => ({ text: t.text, intent: t.intent as string, score: t.score ?? 0 })),
  };
}
