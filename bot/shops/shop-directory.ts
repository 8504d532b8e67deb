import { and, eq } from 'drizzle-orm';
import type { Activity } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db';
import { findShopByDomain, findShopById, schema } from '../../db';
import type { AnswerCatalog } from '../../training';
import type { IntentAction, ShopAnswers } from '../catalog';
import { loadAnswerOverrides, mergeAnswers } from '../catalog';
import type { BotSettings } from './bot-settings';
import { parseBotSettings } from './bot-settings';

/** The shop a conversation serves, as the bot needs it. */
export interface BotShop {
  id: string;
  domain: string;
  name: string;
  timezone: string;
  settings: BotSettings;
  answers: ShopAnswers;
}

/** Options for {@link ShopDirectory}. */
export interface ShopDirectoryOptions {
  db: Db;
  catalog: AnswerCatalog;
  /** Intents that trigger the order lookup or a handoff; the shipped catalog's unless set. */
  intentActions?: Readonly<Record<string, IntentAction>>;
  clock: Clock;
  /** How long shop settings and answers are cached; 30 s unless set. */
  ttlMs?: number;
  /** Serves channels that never name a shop (a single-shop install behind Azure Bot Service). */
  defaultShop?: string;
  /** Told about settings that failed validation (field names only). */
  onSettingsProblem?: (shopId: string, fields: string[]) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CONVERSATIONS = 50_000;

/**
 * Finds the shop of each conversation. A conversation's stored record wins; a new one takes the shop its
 * channel names in `channelData.shopId` (id or myshopify domain), else the default shop, and is recorded.
 */
export class ShopDirectory {
  private readonly shops = new Map<string, { at: number; shop: Promise<BotShop | undefined> }>();
  private readonly conversations = new Map<string, string>();
  private readonly ttlMs: number;

  constructor(private readonly options: ShopDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 30_000;
  }

  /** The shop by id or domain, cached. */
  async byRef(ref: string): Promise<BotShop | undefined> {
    const now = this.options.clock.now().getTime();
    const hit = this.shops.get(ref);
    if (hit && now - hit.at < this.ttlMs) return hit.shop;
    const shop = this.load(ref);
    this.shops.set(ref, { at: now, shop });
    shop.catch(() => this.shops.delete(ref));
    return shop;
  }

  /** The shop this activity's conversation serves; registers the conversation on first sight. */
  async forActivity(activity: Partial<Activity>): Promise<BotShop | undefined> {
    const channelId = activity.channelId ?? '';
    const conversationId = activity.conversation?.id ?? '';
    const key = `${channelId}\u0000${conversationId}`;
    const known = this.conversations.get(key);
    if (known) return this.byRef(known);
    const table = schema.botConversations;
    // The only lookup not scoped by shop: finding which shop a conversation belongs to.
    const [record] = await this.options.db
      .select({ shopId: table.shopId })
      .from(table)
      .where(and(eq(table.channelId, channelId), eq(table.conversationId, conversationId)));
    let shop = record ? await this.byRef(record.shopId) : undefined;
    if (!record) {
      const named = (activity.channelData as { shopId?: unknown } | undefined)?.shopId;
      const ref = typeof named === 'string' && named.length > 0 ? named : this.options.defaultShop;
      shop = ref ? await this.byRef(ref) : undefined;
      if (!shop) return undefined;
      const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
      await this.options.db
        .insert(table)
        .values({ shopId: shop.id, channelId, conversationId, reference, language: null })
        .onConflictDoNothing();
    }
    if (!shop) return undefined;
    if (this.conversations.size >= MAX_CONVERSATIONS) this.conversations.delete(this.conversations.keys().next().value!);
    this.conversations.set(key, shop.id);
    return shop;
  }

  private async load(ref: string): Promise<BotShop | undefined> {
    const { db } = this.options;
    const row = UUID.test(ref) ? await findShopById(db, ref) : await findShopByDomain(db, ref);
    if (!row || row.uninstalledAt) return undefined;
    const { settings, problems } = parseBotSettings(row.settings);
    if (problems.length > 0) this.options.onSettingsProblem?.(row.id, problems);
    const overrides = await loadAnswerOverrides(db, row.id);
    return {
      id: row.id,
      domain: row.domain,
      name: row.name || row.domain,
      timezone: row.timezone,
      settings,
      answers: mergeAnswers(this.options.catalog, overrides, { shopDomain: row.domain, actions: this.options.intentActions }),
    };
  }
}
