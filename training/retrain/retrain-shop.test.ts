import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { ConflictError } from '../../core/errors';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { catalogTrainingExamples, loadDefaultCatalog } from '../default-catalog';
import { loadIntentModel, trainIntentModel, type IntentExample, type TrainIntentModelOptions } from '../intent-model';
import { listModelVersions, loadActiveModelVersion, storeModelVersion } from '../model-versions';
import { createRetrainer } from './retrain-shop';

jest.setTimeout(180_000);

const labelled: IntentExample[] = readFileSync(join(__dirname, 'fixtures/labelled-turns.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as IntentExample);

/** The real pipeline fed with every label moved to the next intent: a model that is confidently wrong. */
function scrambledTrain(examples: IntentExample[], options: TrainIntentModelOptions) {
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const next = new Map(intents.map((intent, i) => [intent, intents[(i + 1) % intents.length] as string]));
  return trainIntentModel(examples.map((e) => ({ text: e.text, intent: next.get(e.intent) as string })), options);
}

describe(`retraining a shop on ${testEngine}`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function shopWithLabels(domain: string): Promise<string> {
    const shop = await upsertShop(database.db, { domain });
    await database.db.insert(schema.trainerLabels).values(labelled.map((l) => ({ shopId: shop.id, language: 'en', text: l.text, intent: l.intent, action: 'assign', actor: 'trainer:test' })));
    return shop.id;
  }
  const activeVersion = async (shopId: string) => (await loadActiveModelVersion(database.db, shopId, 'en'))?.version ?? null;
  const runs = (shopId: string) => database.db.select().from(schema.trainingRuns).where(eq(schema.trainingRuns.shopId, shopId)).orderBy(schema.trainingRuns.startedAt);

  it('gives a new shop with only the default catalog a working model in under a minute', async () => {
    const shop = await upsertShop(database.db, { domain: 'retrain-new.myshopify.com' });
    const started = Date.now();
    const result = await createRetrainer({ db: database.db }).retrainShop(shop.id, 'en');
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    expect(result).toMatchObject({ version: 1, promoted: true, gate: { reasons: ['first model of this shop and language'] } });
    // Every distinct catalog phrasing, once.
    expect(result.corpus.catalog).toBe(new Set(catalogTrainingExamples(loadDefaultCatalog(), 'en').map((e) => e.text.toLowerCase().trim())).size);
    expect(result.modelBytes).toBeGreaterThan(1000);
    const active = await loadActiveModelVersion(database.db, shop.id, 'en');
    const model = loadIntentModel(active!.model);
    expect((await model.classify('where is my order')).intent).toBe('track_order');
    expect((await model.classify('what is the capital of France')).intent).toBe('None');
    const [run] = await runs(shop.id);
    expect(run).toMatchObject({ status: 'succeeded', promoted: true, versionId: result.versionId, corpusSize: result.corpus.size });
  });

  it('keeps the live model when the candidate is worse on the held-out turns, and stores the candidate with the reason', async () => {
    const shopId = await shopWithLabels('retrain-worse.myshopify.com');
    const first = await createRetrainer({ db: database.db }).retrainShop(shopId, 'en');
    expect(first.promoted).toBe(true);
    expect(first.corpus.heldOut).toBeGreaterThanOrEqual(5);

    const worse = await createRetrainer({ db: database.db, train: scrambledTrain, rule: { minTrainingAccuracy: 0, minMargin: 0.01, maxMargin: 0.05, collapseSupport: 3, collapseDrop: 0.25 } }).retrainShop(shopId, 'en');
    expect(worse.promoted).toBe(false);
    expect(worse.candidate!.macroF1!).toBeLessThan(worse.live!.macroF1!);
    expect(worse.gate.reasons[0]).toMatch(/: worse$/);
    expect(await activeVersion(shopId)).toBe(first.version);
    const versions = await listModelVersions(database.db, shopId, { language: 'en' });
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'candidate'], [1, 'active']]);
    expect(versions[0]!.metrics).toMatchObject({ heldOutSize: worse.corpus.heldOut, gate: { promote: false }, live: { version: 1 } });
  });

  it('promotes a candidate that beats the live model on the same held-out turns', async () => {
    const shopId = await shopWithLabels('retrain-better.myshopify.com');
    const bad = await scrambledTrain([...labelled, ...catalogTrainingExamples(loadDefaultCatalog(), 'en')], { lang: 'en' });
    await storeModelVersion(database.db, { shopId, language: 'en', model: bad.toJSON(), metrics: {}, corpusSize: 1, promote: true });

    const result = await createRetrainer({ db: database.db }).retrainShop(shopId, 'en');
    expect(result.promoted).toBe(true);
    expect(result.candidate!.macroF1!).toBeGreaterThan(result.live!.macroF1!);
    expect(result.candidate!.count).toBe(result.live!.count);
    expect(await activeVersion(shopId)).toBe(2);
  });

  it('leaves the live model untouched when training crashes, and the next run starts clean', async () => {
    const shopId = await shopWithLabels('retrain-crash.myshopify.com');
    const retrainer = createRetrainer({ db: database.db });
    const live = await retrainer.retrainShop(shopId, 'en');
    const crash = retrainer.retrainShop(shopId, 'en', {
      onProgress: (fraction) => {
        if (fraction > 0.3) throw new Error('worker killed mid-training');
      },
    });
    await expect(crash).rejects.toThrow('worker killed mid-training');
    expect(await activeVersion(shopId)).toBe(live.version);
    expect((await listModelVersions(database.db, shopId)).map((v) => v.version)).toEqual([live.version]);
    expect((await runs(shopId)).map((r) => r.status)).toEqual(['succeeded', 'failed']);

    const next = await retrainer.retrainShop(shopId, 'en');
    expect(next.version).toBe(live.version + 1);
    expect((await runs(shopId)).map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded']);
  });

  it('takes a run left running by a dead process for abandoned, but refuses to run beside a live one', async () => {
    const shop = await upsertShop(database.db, { domain: 'retrain-stale.myshopify.com' });
    const retrainer = createRetrainer({ db: database.db, staleRunMs: 60_000 });
    const runsTable = schema.trainingRuns;
    await database.db.insert(runsTable).values({ shopId: shop.id, language: 'en', trigger: 'nightly', status: 'running', startedAt: new Date(Date.now() - 3_600_000) });
    await retrainer.retrainShop(shop.id, 'en');
    expect((await runs(shop.id)).map((r) => r.status)).toEqual(['abandoned', 'succeeded']);

    await database.db.insert(runsTable).values({ shopId: shop.id, language: 'en', trigger: 'nightly', status: 'running' });
    await expect(retrainer.retrainShop(shop.id, 'en')).rejects.toBeInstanceOf(ConflictError);
    const running = await database.db.select().from(runsTable).where(and(eq(runsTable.shopId, shop.id), eq(runsTable.status, 'running')));
    expect(running).toHaveLength(1);
    expect(await activeVersion(shop.id)).toBe(1);
  });
});
