import { randomBytes } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { SecretBox } from '../../core/crypto';
import { schema, type Db } from '../../db';

const { shopSecrets } = schema;
const KEY_BYTES = 32;

/** One version of a shop's pseudonymisation key, opened. */
export interface ShopKey {
  version: number;
  key: Buffer;
}

function open(secrets: SecretBox, row: { version: number; sealedKey: string }): ShopKey {
  return { version: row.version, key: Buffer.from(secrets.open(row.sealedKey), 'base64') };
}

/** Every live key version of the shop, newest first. */
export async function readShopKeys(db: Db, secrets: SecretBox, shopId: string): Promise<ShopKey[]> {
  const rows = await db
    .select({ version: shopSecrets.version, sealedKey: shopSecrets.sealedKey })
    .from(shopSecrets)
    .where(eq(shopSecrets.shopId, shopId))
    .orderBy(desc(shopSecrets.version));
  return rows.map((row) => open(secrets, row));
}

/**
 * Adds key version `version` unless another process got there first; both then read the same winner,
 * so two processes never pseudonymise with different keys.
 */
export async function insertShopKey(db: Db, secrets: SecretBox, shopId: string, version: number): Promise<void> {
  await db
    .insert(shopSecrets)
    .values({ shopId, version, sealedKey: secrets.seal(randomBytes(KEY_BYTES).toString('base64')) })
    .onConflictDoNothing();
}

/** Deletes key versions older than `keepVersion`; pseudonyms made under them can no longer be linked to anyone. */
export async function deleteOlderShopKeys(db: Db, shopId: string, keepVersion: number): Promise<number> {
  const result = await db.delete(shopSecrets).where(and(eq(shopSecrets.shopId, shopId), lt(shopSecrets.version, keepVersion)));
  return result.rowCount ?? 0;
}
