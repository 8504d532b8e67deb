import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';

/**
 * Stores a model version and makes it the shop's active one for its language (the previous one is retired).
 * The nightly job's promotion gate decides whether to call this; tests and the benchmark call it directly.
 */
export async function storeActiveModel(
  db: Db,
  input: { shopId: string; language: string; model: unknown; metrics?: Record<string, unknown>; corpusSize?: number },
): Promise<{ id: string; version: number }> {
  const table = schema.intentModelVersions;
  return db.transaction(async (tx) => {
    const scope = and(eq(table.shopId, input.shopId), eq(table.language, input.language));
    const [last] = await tx.select({ v: sql<number>`coalesce(max(${table.version}), 0)::int` }).from(table).where(scope);
    await tx.update(table).set({ status: 'retired' }).where(and(scope, eq(table.status, 'active')));
    const [row] = await tx
      .insert(table)
      .values({
        shopId: input.shopId,
        language: input.language,
        version: (last?.v ?? 0) + 1,
        status: 'active',
        model: input.model,
        metrics: input.metrics ?? {},
        corpusSize: input.corpusSize ?? 0,
        promotedAt: new Date(),
      })
      .returning({ id: table.id, version: table.version });
    return row!;
  });
}
