import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Storage, StoreItems } from 'botbuilder';
import type { Db } from '../open-database';
import { botState } from '../schema';

/** Raised when a write carries an eTag that no longer matches, as botbuilder's storages do. */
export class ETagConflictError extends Error {
  readonly code = 'etag_conflict';
  constructor(key: string) {
    super(`Storage: eTag conflict on ${key}`);
    this.name = 'ETagConflictError';
  }
}

/**
 * botbuilder `Storage` on Postgres, scoped to one shop: conversation and user state of that shop only.
 * Optimistic concurrency follows botbuilder's contract: an item with an eTag (other than `*`)
 * is written only if the stored eTag still matches.
 */
export class PostgresBotStorage implements Storage {
  constructor(
    private readonly db: Db,
    private readonly shopId: string,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db
      .select({ key: botState.key, document: botState.document, etag: botState.etag })
      .from(botState)
      .where(and(eq(botState.shopId, this.shopId), inArray(botState.key, keys)));
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.document, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...document } = (item ?? {}) as Record<string, unknown>;
      const nextEtag = randomUUID();
      if (typeof eTag === 'string' && eTag !== '*' && eTag !== '') {
        const updated = await this.db
          .update(botState)
          .set({ document, etag: nextEtag, updatedAt: sql`now()` })
          .where(and(eq(botState.shopId, this.shopId), eq(botState.key, key), eq(botState.etag, eTag)))
          .returning({ key: botState.key });
        if (updated.length === 0) throw new ETagConflictError(key);
        continue;
      }
      await this.db
        .insert(botState)
        .values({ shopId: this.shopId, key, document, etag: nextEtag })
        .onConflictDoUpdate({
          target: [botState.shopId, botState.key],
          set: { document, etag: nextEtag, updatedAt: sql`now()` },
        });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .delete(botState)
      .where(and(eq(botState.shopId, this.shopId), inArray(botState.key, keys)));
  }
}
