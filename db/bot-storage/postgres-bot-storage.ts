import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Storage, StoreItems } from 'botbuilder';
import type { Db } from '../open-database';
import { botState } from '../schema';
import { Batcher } from './batcher';
import type { StateKey, StateWrite } from './bot-state-statements';
import { readStates, writeStates } from './bot-state-statements';
import { poolOf } from './named-statement';

/** Raised when a write carries an eTag that no longer matches, as botbuilder's storages do. */
export class ETagConflictError extends Error {
  readonly code = 'etag_conflict';
  constructor(key: string) {
    super(`Storage: eTag conflict on ${key}`);
    this.name = 'ETagConflictError';
  }
}

type Found = { document: Record<string, unknown>; etag: string } | undefined;

/**
 * Reads and writes of bot state for every shop of one database, grouped: concurrent turns share one
 * statement per batch (see {@link Batcher}). One per process is enough; pass it to each shop's storage.
 */
export class BotStateBatches {
  readonly reads: Batcher<StateKey, Found>;
  readonly writes: Batcher<StateWrite, boolean>;

  constructor(readonly db: Db) {
    const pool = poolOf(db);
    const keyOf = <T extends StateKey>(item: T) => `${item.shopId}\u0000${item.key}`;
    this.reads = new Batcher((keys) => readStates(pool, keys), keyOf);
    this.writes = new Batcher((writes) => writeStates(pool, writes), keyOf);
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
    private readonly batches: BotStateBatches = new BotStateBatches(db),
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const found = await Promise.all(keys.map((key) => this.batches.reads.add({ shopId: this.shopId, key })));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const hit = found[i];
      if (hit) items[key] = { ...hit.document, eTag: hit.etag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...document } = (item ?? {}) as Record<string, unknown>;
        const expected = typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? eTag : null;
        const landed = await this.batches.writes.add({ shopId: this.shopId, key, document, etag: randomUUID(), expected });
        if (!landed) throw new ETagConflictError(key);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.delete(botState).where(and(eq(botState.shopId, this.shopId), inArray(botState.key, keys)));
  }
}
