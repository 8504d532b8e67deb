import { Session } from '@shopify/shopify-api';
import { and, eq } from 'drizzle-orm';
import type { SecretBox } from '../../../core/crypto';
import { schema, upsertShop, type Db } from '../../../db';

const { shopifySessions, shops } = schema;

/** Shopify sessions in Postgres. Access tokens never touch the table unencrypted. */
export interface SessionStore {
  store(session: Session): Promise<void>;
  load(id: string): Promise<Session | undefined>;
  /** The shop's offline session, used by jobs and the bot; `undefined` when not installed. */
  offlineFor(shopDomain: string): Promise<Session | undefined>;
  /** Removes every session of the shop (app/uninstalled revokes its tokens). */
  revokeAll(shopId: string): Promise<number>;
}

/** Creates the store over storedesk's database. */
export function createSessionStore(deps: { db: Db; secrets: SecretBox }): SessionStore {
  const { db, secrets } = deps;
  const load = async (id: string) => {
    const [row] = await db
      .select({ session: shopifySessions, domain: shops.domain })
      .from(shopifySessions)
      .innerJoin(shops, eq(shops.id, shopifySessions.shopId))
      .where(eq(shopifySessions.id, id));
    if (!row) return undefined;
    const { session } = row;
    return new Session({
      id: session.id,
      shop: row.domain,
      state: session.state,
      isOnline: session.isOnline,
      scope: session.scope ?? undefined,
      expires: session.expiresAt ?? undefined,
      accessToken: session.accessTokenEncrypted ? secrets.open(session.accessTokenEncrypted) : undefined,
      onlineAccessInfo: (session.onlineAccessInfo as Session['onlineAccessInfo']) ?? undefined,
    });
  };
  return {
    async store(session) {
      const shop = await upsertShop(db, { domain: session.shop });
      const values = {
        id: session.id,
        shopId: shop.id,
        state: session.state ?? '',
        isOnline: session.isOnline,
        scope: session.scope ?? null,
        expiresAt: session.expires ?? null,
        accessTokenEncrypted: session.accessToken ? secrets.seal(session.accessToken) : null,
        onlineAccessInfo: session.onlineAccessInfo ?? null,
        updatedAt: new Date(),
      };
      await db.insert(shopifySessions).values(values).onConflictDoUpdate({ target: shopifySessions.id, set: values });
    },
    load,
    async offlineFor(shopDomain) {
      return load(`offline_${shopDomain.toLowerCase()}`);
    },
    async revokeAll(shopId) {
      const removed = await db
        .delete(shopifySessions)
        .where(and(eq(shopifySessions.shopId, shopId)))
        .returning({ id: shopifySessions.id });
      return removed.length;
    },
  };
}
