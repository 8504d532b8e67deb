import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { NotFoundError } from '../../core/errors';
import type { Db } from '../../db';
import { schema } from '../../db';

const table = schema.intentModelVersions;

/** A stored model version without its (large) model JSON. */
export interface ModelVersionSummary {
  id: string;
  language: string;
  version: number;
  /** `active` (serving), `retired` (served before) or `candidate` (stored, never promoted, or refused by the gate). */
  status: string;
  metrics: Record<string, unknown>;
  corpusSize: number;
  createdAt: Date;
  promotedAt: Date | null;
}

const summaryColumns = {
  id: table.id,
  language: table.language,
  version: table.version,
  status: table.status,
  metrics: table.metrics,
  corpusSize: table.corpusSize,
  createdAt: table.createdAt,
  promotedAt: table.promotedAt,
};

/** The shop's model versions, newest first; one language or all. */
export async function listModelVersions(db: Db, shopId: string, options: { language?: string; limit?: number } = {}): Promise<ModelVersionSummary[]> {
  const where = options.language ? and(eq(table.shopId, shopId), eq(table.language, options.language)) : eq(table.shopId, shopId);
  return db
    .select(summaryColumns)
    .from(table)
    .where(where)
    .orderBy(table.language, desc(table.version))
    .limit(Math.min(options.limit ?? 100, 500));
}

/** The serving version of a shop and language, with its model JSON; undefined when the shop has none. */
export async function loadActiveModelVersion(db: Db, shopId: string, language: string): Promise<{ id: string; version: number; model: unknown } | undefined> {
  const [row] = await db
    .select({ id: table.id, version: table.version, model: table.model })
    .from(table)
    .where(and(eq(table.shopId, shopId), eq(table.language, language), eq(table.status, 'active')))
    .limit(1);
  return row;
}

/** What {@link storeModelVersion} stores. */
export interface NewModelVersion {
  shopId: string;
  language: string;
  model: unknown;
  metrics: Record<string, unknown>;
  corpusSize: number;
  /** Make it the active version (the previous one is retired) in the same transaction. */
  promote: boolean;
}

/** Stores a trained model as the next version of its shop and language; atomically promotes it when asked. */
export async function storeModelVersion(db: Db, input: NewModelVersion): Promise<{ id: string; version: number; status: string }> {
  return db.transaction(async (tx) => {
    const scope = and(eq(table.shopId, input.shopId), eq(table.language, input.language));
    const [last] = await tx.select({ v: sql<number>`coalesce(max(${table.version}), 0)::int` }).from(table).where(scope);
    if (input.promote) await tx.update(table).set({ status: 'retired' }).where(and(scope, eq(table.status, 'active')));
    const [row] = await tx
      .insert(table)
      .values({
        shopId: input.shopId,
        language: input.language,
        version: (last?.v ?? 0) + 1,
        status: input.promote ? 'active' : 'candidate',
        model: input.model,
        metrics: input.metrics,
        corpusSize: input.corpusSize,
        promotedAt: input.promote ? new Date() : null,
      })
      .returning({ id: table.id, version: table.version, status: table.status });
    return row!;
  });
}

/**
 * Makes a stored version the serving one (rollback, or promoting a candidate by hand); the active one is
 * retired. Bot processes pick the change up on their next refresh. Returns the versions before and after.
 */
export async function activateModelVersion(
  db: Db,
  input: { shopId: string; language: string; version: number },
): Promise<{ from: number | null; to: number; changed: boolean }> {
  return db.transaction(async (tx) => {
    const scope = and(eq(table.shopId, input.shopId), eq(table.language, input.language));
    const [target] = await tx
      .select({ id: table.id, status: table.status })
      .from(table)
      .where(and(scope, eq(table.version, input.version)))
      .for('update');
    if (!target) throw new NotFoundError(`No model version ${input.version} for language "${input.language}"`);
    const [current] = await tx.select({ version: table.version }).from(table).where(and(scope, eq(table.status, 'active')));
    if (target.status === 'active') return { from: input.version, to: input.version, changed: false };
    await tx.update(table).set({ status: 'retired' }).where(and(scope, eq(table.status, 'active'), ne(table.id, target.id)));
    await tx.update(table).set({ status: 'active', promotedAt: new Date() }).where(eq(table.id, target.id));
    return { from: current?.version ?? null, to: input.version, changed: true };
  });
}
