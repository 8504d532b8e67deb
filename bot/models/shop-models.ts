import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { DefaultModels, IntentClassifier } from './model-types';

/** Options for {@link ShopModels}. */
export interface ShopModelsOptions {
  db: Db;
  defaults: DefaultModels;
  /** Rebuilds a stored model (training's `loadIntentModel`). */
  load: (json: unknown) => IntentClassifier;
  clock: Clock;
  /** How often a cached shop model checks for a promotion; 30 s unless set. */
  refreshMs?: number;
  /** Most shop/language models held at once; the least recently used goes first. 32 unless set. */
  maxModels?: number;
}

interface Cached {
  versionId: string | null;
  model: IntentClassifier | undefined;
  checkedAt: number;
}

/**
 * The live model per shop and language: the shop's `active` version when it has one, else the default model.
 * Promotions are picked up within `refreshMs` without a restart.
 */
export class ShopModels {
  private readonly cache = new Map<string, Promise<Cached>>();
  private readonly refreshMs: number;
  private readonly maxModels: number;

  constructor(private readonly options: ShopModelsOptions) {
    this.refreshMs = options.refreshMs ?? 30_000;
    this.maxModels = Math.max(1, options.maxModels ?? 32);
  }

  /** The model that answers this shop in this language, or none when no model covers the language. */
  async get(shopId: string, language: string): Promise<IntentClassifier | undefined> {
    const key = `${shopId}:${language}`;
    const now = this.options.clock.now().getTime();
    const current = this.cache.get(key);
    if (current) {
      // Map order is use order: the first key is the least recently used.
      this.cache.delete(key);
      this.cache.set(key, current);
      const cached = await current;
      if (now - cached.checkedAt < this.refreshMs) return cached.model;
    }
    const previous = current ? await current : undefined;
    const next = this.refresh(shopId, language, previous, now);
    this.cache.delete(key);
    this.cache.set(key, next);
    next.catch(() => {
      if (this.cache.get(key) === next) this.cache.delete(key);
    });
    while (this.cache.size > this.maxModels) this.cache.delete(this.cache.keys().next().value!);
    return (await next).model;
  }

  /** How many shop/language models this process holds. */
  size(): number {
    return this.cache.size;
  }

  private async refresh(shopId: string, language: string, previous: Cached | undefined, now: number): Promise<Cached> {
    const table = schema.intentModelVersions;
    const scope = and(eq(table.shopId, shopId), eq(table.language, language), eq(table.status, 'active'));
    const [active] = await this.options.db.select({ id: table.id }).from(table).where(scope).limit(1);
    const versionId = active?.id ?? null;
    if (previous && previous.versionId === versionId) return { ...previous, checkedAt: now };
    if (!versionId) return { versionId, model: await this.options.defaults.get(language), checkedAt: now };
    const [row] = await this.options.db
      .select({ model: table.model })
      .from(table)
      .where(and(eq(table.shopId, shopId), eq(table.id, versionId)));
    if (!row) return { versionId: null, model: await this.options.defaults.get(language), checkedAt: now };
    return { versionId, model: this.options.load(row.model), checkedAt: now };
  }
}
