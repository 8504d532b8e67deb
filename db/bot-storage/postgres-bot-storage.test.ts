import type { Database } from '../open-database';
import { upsertShop } from '../shops';
import { createTestDatabase, testEngine } from '../testing';
import { ETagConflictError, PostgresBotStorage } from './postgres-bot-storage';

describe(`PostgresBotStorage on ${testEngine}`, () => {
  let database: Database;
  let storageA: PostgresBotStorage;
  let storageB: PostgresBotStorage;

  beforeAll(async () => {
    database = await createTestDatabase();
    const shopA = await upsertShop(database.db, { domain: 'a.myshopify.com' });
    const shopB = await upsertShop(database.db, { domain: 'b.myshopify.com' });
    storageA = new PostgresBotStorage(database.db, shopA.id);
    storageB = new PostgresBotStorage(database.db, shopB.id);
  });
  afterAll(() => database.close());

  it('returns nothing for keys never written', async () => {
    expect(await storageA.read(['missing'])).toEqual({});
  });

  it('reads back what it wrote, with an eTag', async () => {
    await storageA.write({ 'webchat/conversations/c1': { turns: 1, dialog: { stack: ['x'] } } });
    const items = await storageA.read(['webchat/conversations/c1']);
    expect(items['webchat/conversations/c1']).toMatchObject({ turns: 1, dialog: { stack: ['x'] } });
    expect(typeof items['webchat/conversations/c1'].eTag).toBe('string');
  });

  it('when the stored eTag moved on, a write with the old eTag is refused and the newer data survives', async () => {
    await storageA.write({ k: { n: 1 } });
    const first = (await storageA.read(['k'])).k;
    await storageA.write({ k: { ...first, n: 2 } });
    await expect(storageA.write({ k: { ...first, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storageA.read(['k'])).k.n).toBe(2);
  });

  it('a write with eTag "*" always wins', async () => {
    await storageA.write({ star: { n: 1 } });
    await storageA.write({ star: { n: 5, eTag: '*' } });
    expect((await storageA.read(['star'])).star.n).toBe(5);
  });

  it("one shop's storage never sees another shop's state under the same key", async () => {
    await storageA.write({ shared: { owner: 'a' } });
    expect(await storageB.read(['shared'])).toEqual({});
    await storageB.delete(['shared']);
    expect((await storageA.read(['shared'])).shared.owner).toBe('a');
  });

  it('concurrent turns of many conversations and shops all land, and each reads back its own', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `many/${i}`);
    await Promise.all(keys.map((key, i) => (i % 2 === 0 ? storageA : storageB).write({ [key]: { n: i } })));
    const read = await Promise.all(keys.map((key, i) => (i % 2 === 0 ? storageA : storageB).read([key])));
    expect(read.map((items, i) => items[keys[i]!]?.n)).toEqual(keys.map((_, i) => i));
    expect(await storageB.read([keys[0]!])).toEqual({});
  });

  it('of two concurrent writes with the same old eTag, exactly one lands', async () => {
    await storageA.write({ race: { n: 0 } });
    const first = (await storageA.read(['race'])).race;
    const results = await Promise.allSettled([1, 2].map((n) => storageA.write({ race: { ...first, n } })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
    expect((await storageA.read(['race'])).race.n).toBe(winner);
  });

  it('of concurrent writes without an eTag to one key, the last one called wins', async () => {
    await Promise.all([1, 2, 3].map((n) => storageA.write({ last: { n } })));
    expect((await storageA.read(['last'])).last.n).toBe(3);
  });

  it('deletes', async () => {
    await storageA.write({ gone: { n: 1 } });
    await storageA.delete(['gone']);
    expect(await storageA.read(['gone'])).toEqual({});
  });
});
