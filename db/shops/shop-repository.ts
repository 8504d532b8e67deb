import { eq, sql } from 'drizzle-orm';
import type { Db } from '../open-database';
import { shops } from '../schema';

/** A shop as the rest of storedesk sees it. */
export type Shop = typeof shops.$inferSelect;

/** Finds a shop by its myshopify domain; `undefined` when it isn't installed. */
export async function findShopByDomain(db: Db, domain: string): Promise<Shop | undefined> {
  const [row] = await db.select().from(shops).where(eq(shops.domain, domain.toLowerCase()));
  return row;
}

/** Finds a shop by id. */
export async function findShopById(db: Db, shopId: string): Promise<Shop | undefined> {
  const [row] = await db.select().from(shops).where(eq(shops.id, shopId));
  return row;
}

/**
 * Creates the shop, or marks an existing one installed again. Idempotent on the domain. `primaryDomain`,
 * when given, is kept in the settings (`null` removes it: the storefront is on the myshopify domain).
 */
export async function upsertShop(
  db: Db,
  input: { domain: string; name?: string; timezone?: string; currency?: string; primaryDomain?: string | null },
): Promise<Shop> {
  const values = {
    domain: input.domain.toLowerCase(),
    name: input.name ?? '',
    timezone: input.timezone ?? 'Asia/Singapore',
    currency: input.currency ?? 'SGD',
    ...(input.primaryDomain ? { settings: { primaryDomain: input.primaryDomain } } : {}),
  };
  const primaryDomain =
    input.primaryDomain === undefined
      ? {}
      : {
          settings: input.primaryDomain
            ? sql`${shops.settings} || jsonb_build_object('primaryDomain', ${input.primaryDomain}::text)`
            : sql`${shops.settings} - 'primaryDomain'`,
        };
  const [row] = await db
    .insert(shops)
    .values(values)
    .onConflictDoUpdate({
      target: shops.domain,
      set: {
        name: sql`coalesce(nullif(excluded.name, ''), ${shops.name})`,
        timezone: sql`excluded.timezone`,
        currency: sql`excluded.currency`,
        uninstalledAt: null,
        ...primaryDomain,
      },
    })
    .returning();
  if (!row) throw new Error('upsertShop returned no row');
  return row;
}

/** Merges settings into the shop's settings document and returns the result. */
export async function updateShopSettings(
  db: Db,
  shopId: string,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const [row] = await db
    .update(shops)
    .set({ settings: sql`${shops.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(shops.id, shopId))
    .returning({ settings: shops.settings });
  return row?.settings ?? {};
}
