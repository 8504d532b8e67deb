import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';

/** A transaction handle or the database itself. */
type Executor = Pick<Db, 'select' | 'insert' | 'update'>;

/** The label action that produced a row. */
export type LabelAction = 'assign' | 'new-intent' | 'out-of-scope' | 'merge';

/**
 * Labels a resolved review item and every duplicate merged into it with the same intent.
 * A relabel of the same item replaces its label. Returns how many labels were written.
 */
export async function labelItemAndDuplicates(
  tx: Executor,
  input: { shopId: string; itemId: string; language: string; text: string; intent: string; action: LabelAction; actor: string },
): Promise<number> {
  const merges = schema.reviewMerges;
  const items = schema.reviewItems;
  const duplicateIds = (await tx.select({ id: merges.itemId }).from(merges).where(and(eq(merges.shopId, input.shopId), eq(merges.intoItemId, input.itemId)))).map((r) => r.id);
  const duplicates = duplicateIds.length
    ? await tx.select({ id: items.id, text: items.text }).from(items).where(and(eq(items.shopId, input.shopId), inArray(items.id, duplicateIds)))
    : [];
  const rows = [
    { id: input.itemId, text: input.text, action: input.action },
    ...duplicates.map((d) => ({ id: d.id, text: d.text, action: 'merge' as const })),
  ].map((r) => ({ shopId: input.shopId, language: input.language, reviewItemId: r.id, text: r.text, intent: input.intent, action: r.action, actor: input.actor }));
  const labels = schema.trainerLabels;
  await tx
    .insert(labels)
    .values(rows)
    .onConflictDoUpdate({ target: [labels.shopId, labels.reviewItemId], set: { intent: input.intent, actor: input.actor, createdAt: new Date() } });
  return rows.length;
}
