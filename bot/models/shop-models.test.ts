import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import type { DefaultModels, IntentClassifier } from './model-types';
import { ShopModels } from './shop-models';
import { storeActiveModel } from './store-active-model';

// A stand-in model whose answer is the intent named in its stored JSON, so tests can tell which row is served.
const load = (json: unknown): IntentClassifier => {
  const intent = (json as { intent: string }).intent;
  return { threshold: 0.5, classify: () => Promise.resolve({ intent, score: 1, top: [{ intent, score: 1 }] }) };
};
const defaults: DefaultModels = { languages: () => ['en'], get: async (language) => (language === 'en' ? load({ intent: 'default' }) : undefined) };

describe(`ShopModels on ${testEngine}`, () => {
  let database: Database;
  const shops: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const n of [1, 2, 3]) shops.push((await upsertShop(database.db, { domain: `models-${n}.myshopify.com` })).id);
    for (const [i, shopId] of shops.entries()) await storeActiveModel(database.db, { shopId, language: 'en', model: { intent: `shop-${i + 1}` } });
  });
  afterAll(() => database.close());

  it.each([
    ['its own active model', 'en', 'shop-1'],
    ['no model for a language the defaults do not cover', 'xx', undefined],
  ])('serves a shop %s', async (_name, language, intent) => {
    const models = new ShopModels({ db: database.db, defaults, load, clock: new ManualClock('2026-06-03T04:00:00Z') });
    expect((await (await models.get(shops[0]!, language))?.classify('hi'))?.intent).toBe(intent);
  });

  it('picks up a promotion once the refresh interval passed', async () => {
    const clock = new ManualClock('2026-06-03T04:00:00Z');
    const shopId = (await upsertShop(database.db, { domain: 'models-promoted.myshopify.com' })).id;
    const models = new ShopModels({ db: database.db, defaults, load, clock, refreshMs: 1_000 });
    expect((await (await models.get(shopId, 'en'))?.classify('hi'))?.intent).toBe('default');
    await storeActiveModel(database.db, { shopId, language: 'en', model: { intent: 'promoted' } });
    expect((await (await models.get(shopId, 'en'))?.classify('hi'))?.intent).toBe('default');
    clock.advance(1_001);
    expect((await (await models.get(shopId, 'en'))?.classify('hi'))?.intent).toBe('promoted');
  });

  it('holds at most maxModels, drops the least recently used, and loads a dropped one again when asked', async () => {
    const loaded: string[] = [];
    const counting = (json: unknown) => {
      loaded.push((json as { intent: string }).intent);
      return load(json);
    };
    const models = new ShopModels({ db: database.db, defaults, load: counting, clock: new ManualClock('2026-06-03T04:00:00Z'), maxModels: 2 });
    await models.get(shops[0]!, 'en');
    await models.get(shops[1]!, 'en');
    await models.get(shops[0]!, 'en');
    await models.get(shops[2]!, 'en');
    expect(models.size()).toBe(2);
    expect((await (await models.get(shops[0]!, 'en'))?.classify('hi'))?.intent).toBe('shop-1');
    expect((await (await models.get(shops[1]!, 'en'))?.classify('hi'))?.intent).toBe('shop-2');
    expect(loaded).toEqual(['shop-1', 'shop-2', 'shop-3', 'shop-2']);
  });
});
