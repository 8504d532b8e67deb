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

  it('deletes', async () => {
    await storageA.write({ gone: { n: 1 } });
    await storageA.delete(['gone']);
    expect(await storageA.read(['gone'])).toEqual({});
  });
});
