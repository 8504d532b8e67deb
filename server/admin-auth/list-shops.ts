import { asc, isNull } from 'drizzle-orm';
import { schema, type Db } from '../../db';

/** A shop as the shop picker shows it. */
export interface ShopChoice {
  id: string;
  domain: string;
  name: string;
}

/**
 * Installed shops of this installation. The password login is per installation, so this is the one
 * query the admin runs across shops; it returns only names, never shop data.
 */
export async function listInstalledShops(db: Db): Promise<ShopChoice[]> {
  const { shops } = schema;
  return db
    .select({ id: shops.id, domain: shops.domain, name: shops.name })
    .from(shops)
    .where(isNull(shops.uninstalledAt))
    .orderBy(asc(shops.domain));
}
