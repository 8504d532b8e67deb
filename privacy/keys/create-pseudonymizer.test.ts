import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createPseudonymizer } from './create-pseudonymizer';

describe(`pseudonymizer on ${testEngine}`, () => {
  let database: Database;
  let shopA: string;
  let shopB: string;
  const secrets = createSecretBox(randomBytes(32).toString('hex'));

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'keys-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'keys-b.myshopify.com' })).id;
  });
  afterAll(() => database.close());

  it('gives the same pseudonym for the same customer in one shop, across processes', async () => {
    const first = createPseudonymizer({ db: database.db, secrets });
    const second = createPseudonymizer({ db: database.db, secrets });
    const id = await first.pseudonymize(shopA, 'customer', 7208412345);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await first.pseudonymize(shopA, 'customer', '7208412345')).toBe(id);
    expect(await second.pseudonymize(shopA, 'customer', 7208412345)).toBe(id);
  });

  it('gives unlinkable pseudonyms for the same customer id in two shops', async () => {
    const pseudonymizer = createPseudonymizer({ db: database.db, secrets });
    expect(await pseudonymizer.pseudonymize(shopA, 'customer', 42)).not.toBe(await pseudonymizer.pseudonymize(shopB, 'customer', 42));
  });

  it('makes the key once when many calls race on first use', async () => {
    const shop = (await upsertShop(database.db, { domain: 'keys-race.myshopify.com' })).id;
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => createPseudonymizer({ db: database.db, secrets }).pseudonymize(shop, 'customer', 1)),
    );
    expect(new Set(ids).size).toBe(1);
    const rows = await database.db.select().from(schema.shopSecrets).where(eq(schema.shopSecrets.shopId, shop));
    expect(rows).toHaveLength(1);
  });

  it('stores the key sealed: the row holds no raw key and another installation key cannot open it', async () => {
    const [row] = await database.db.select().from(schema.shopSecrets).where(eq(schema.shopSecrets.shopId, shopA));
    expect(row?.sealedKey).toMatch(/^v1\./);
    expect(secrets.open(row!.sealedKey)).not.toBe(row!.sealedKey);
    const stranger = createPseudonymizer({ db: database.db, secrets: createSecretBox(randomBytes(32).toString('hex')) });
    await expect(stranger.pseudonymize(shopA, 'customer', 1)).rejects.toThrow();
  });

  it('rotates: new pseudonyms under the new version, both versions during the change, old ones unlinkable after retiring', async () => {
    const shop = (await upsertShop(database.db, { domain: 'keys-rotate.myshopify.com' })).id;
    const pseudonymizer = createPseudonymizer({ db: database.db, secrets });
    const before = await pseudonymizer.pseudonymize(shop, 'customer', 99);
    expect(await pseudonymizer.currentVersion(shop)).toBe(1);

    expect(await pseudonymizer.rotate(shop)).toEqual({ version: 2 });
    const after = await pseudonymizer.pseudonymize(shop, 'customer', 99);
    expect(after).not.toBe(before);
    expect(await pseudonymizer.pseudonymizeAllVersions(shop, 'customer', 99)).toEqual([
      { version: 2, pseudonym: after },
      { version: 1, pseudonym: before },
    ]);

    expect(await pseudonymizer.retireOldKeys(shop)).toEqual({ version: 2, retired: 1 });
    const all = await createPseudonymizer({ db: database.db, secrets }).pseudonymizeAllVersions(shop, 'customer', 99);
    expect(all).toEqual([{ version: 2, pseudonym: after }]);
    expect(await pseudonymizer.pseudonymize(shopA, 'customer', 99)).not.toBe(after);
  });

  it('sees a rotation made by another process once its cache expires', async () => {
    const shop = (await upsertShop(database.db, { domain: 'keys-ttl.myshopify.com' })).id;
    const clock = new ManualClock();
    const reader = createPseudonymizer({ db: database.db, secrets, clock, cacheTtlMs: 60_000 });
    const old = await reader.pseudonymize(shop, 'order', 5);
    await createPseudonymizer({ db: database.db, secrets }).rotate(shop);
    expect(await reader.pseudonymize(shop, 'order', 5)).toBe(old);
    clock.advance(60_001);
    expect(await reader.pseudonymize(shop, 'order', 5)).not.toBe(old);
  });
});
