import type { SecretBox } from '../../core/crypto';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db';
import { pseudonymizeWithKey } from '../pseudonymize';
import { deleteOlderShopKeys, insertShopKey, readShopKeys, type ShopKey } from './shop-key-store';

/** Options for {@link createPseudonymizer}. */
export interface PseudonymizerOptions {
  db: Db;
  /** Seals keys at rest: `createSecretBox(config.ENCRYPTION_KEY)`. */
  secrets: SecretBox;
  /** How long a process trusts its cached keys; a rotation elsewhere is seen after at most this. Default 5 min. */
  cacheTtlMs?: number;
  clock?: Clock;
}

/** Per-shop pseudonymous ids, with key rotation. */
export interface Pseudonymizer {
  /** The pseudonym of `id` under the shop's current key; the key is made on first use. */
  pseudonymize(shopId: string, kind: string, id: string | number): Promise<string>;
  /** The pseudonym under every live key version, newest first: during a rotation, stored ids may be under either. */
  pseudonymizeAllVersions(shopId: string, kind: string, id: string | number): Promise<Array<{ version: number; pseudonym: string }>>;
  /** The current key version (creating version 1 on first use). */
  currentVersion(shopId: string): Promise<number>;
  /** Starts a rotation: a new key version becomes current. Old versions stay until {@link retireOldKeys}. */
  rotate(shopId: string): Promise<{ version: number }>;
  /** Ends a rotation: deletes every version but the current one (old pseudonyms become unlinkable). */
  retireOldKeys(shopId: string): Promise<{ version: number; retired: number }>;
  /** Drops this process's cached keys of the shop (after shop erasure, or in tests). */
  forget(shopId: string): void;
}

/**
 * Pseudonymous ids: HMAC-SHA256 of the id under a per-shop secret. The secret is generated on first use,
 * stored sealed with the installation key, and cached in process. See README.md for rotation.
 */
export function createPseudonymizer(options: PseudonymizerOptions): Pseudonymizer {
  const { db, secrets } = options;
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const now = () => (options.clock ?? { now: () => new Date() }).now().getTime();
  const cache = new Map<string, { keys: ShopKey[]; loadedAt: number }>();

  async function load(shopId: string): Promise<ShopKey[]> {
    let keys = await readShopKeys(db, secrets, shopId);
    if (keys.length === 0) {
      await insertShopKey(db, secrets, shopId, 1);
      keys = await readShopKeys(db, secrets, shopId);
    }
    cache.set(shopId, { keys, loadedAt: now() });
    return keys;
  }

  async function keysOf(shopId: string): Promise<ShopKey[]> {
    const cached = cache.get(shopId);
    if (cached && now() - cached.loadedAt < ttl) return cached.keys;
    return load(shopId);
  }

  async function current(shopId: string): Promise<ShopKey> {
    const [newest] = await keysOf(shopId);
    if (!newest) throw new Error('pseudonymisation key missing after creation');
    return newest;
  }

  return {
    async pseudonymize(shopId, kind, id) {
      return pseudonymizeWithKey((await current(shopId)).key, kind, String(id));
    },
    async pseudonymizeAllVersions(shopId, kind, id) {
      const keys = await keysOf(shopId);
      return keys.map(({ version, key }) => ({ version, pseudonym: pseudonymizeWithKey(key, kind, String(id)) }));
    },
    async currentVersion(shopId) {
      return (await current(shopId)).version;
    },
    async rotate(shopId) {
      const [newest] = await load(shopId);
      await insertShopKey(db, secrets, shopId, (newest?.version ?? 0) + 1);
      const [rotated] = await load(shopId);
      return { version: rotated?.version ?? 1 };
    },
    async retireOldKeys(shopId) {
      const [newest] = await load(shopId);
      const version = newest?.version ?? 1;
      const retired = await deleteOlderShopKeys(db, shopId, version);
      await load(shopId);
      return { version, retired };
    },
    forget(shopId) {
      cache.delete(shopId);
    },
  };
}
