import type { Db, Shop } from '../../../db';
import { findShopByDomain, findShopById } from '../../../db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/i;

/** The installed shop a widget or page names, by id or myshopify domain; `undefined` when there is none. */
export async function resolveShop(db: Db, ref: string): Promise<Shop | undefined> {
  if (!UUID.test(ref) && !DOMAIN.test(ref)) return undefined;
  const shop = UUID.test(ref) ? await findShopById(db, ref) : await findShopByDomain(db, ref);
  return shop && !shop.uninstalledAt ? shop : undefined;
}
