import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIntentModel, trainIntentModel } from './index';
import type { IntentModel } from './index';
import { parseIntentJsonl } from '../evaluation';

const examples = parseIntentJsonl(readFileSync(join(__dirname, 'fixtures/shop-intents.jsonl'), 'utf8'), 'shop-intents.jsonl');

describe('the intent model', () => {
  let model: IntentModel;
  const progress: number[] = [];
  beforeAll(async () => {
    model = await trainIntentModel(examples, { lang: 'en', seed: 7, onProgress: (f) => progress.push(f) });
  });

  it.each([
    ['where is my parcel', 'track_order'],
    ['please cancel my order', 'cancel_order'],
    ['can I get my money back', 'refund'],
    ['are you open on saturday', 'opening_hours'],
  ])('recognises "%s" as %s, with its top 3 best first', async (text, intent) => {
    const result = (await model.classify(text));
    expect(result.intent).toBe(intent);
    expect(result.top).toHaveLength(3);
    expect(result.top[0]?.intent).toBe(intent);
    expect(result.top.map((t) => t.score)).toEqual([...result.top.map((t) => t.score)].sort((a, b) => b - a));
    expect(result.score).toBeGreaterThan(result.top[1]?.score ?? 0);
  });

  it('is less sure of a line about nothing it knows than of any line it was taught', async () => {
    // On a 38-line corpus the threshold rests mostly on its prior, so this ranks rather than expecting None.
    const unknown = (await model.classify('xylophone quantum giraffe')).score;
    for (const { text, intent } of examples) if (intent !== 'None') expect((await model.classify(text)).score).toBeGreaterThan(unknown);
  });

  it('reports progress from 0 to 1 in order', () => {
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('round-trips through compact JSON with the same answers and threshold', async () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const served = loadIntentModel(json);
    expect(served.threshold).toBe(model.threshold);
    for (const { text } of examples) {
      const a = (await model.classify(text));
      const b = (await served.classify(text));
      expect(b.top[0]?.intent).toBe(a.top[0]?.intent);
      expect(Math.abs(b.score - a.score)).toBeLessThan(0.02);
    }
  });

  it('trains the same model again for the same seed', async () => {
    const again = await trainIntentModel(examples, { lang: 'en', seed: 7 });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('chooses the threshold on the validation set it is given', async () => {
    const validation = [{ text: 'where is my parcel', intent: 'track_order' }, { text: 'sing me a song', intent: 'None' }];
    const withVal = await trainIntentModel(examples, { lang: 'en', seed: 7, validation, maxInScopeLoss: 0 });
    // One in-scope validation line is little evidence, so the threshold sits near the 0.2 prior.
    expect(withVal.threshold).toBeCloseTo(Math.min(0.9, ((await withVal.classify('where is my parcel')).score + 0.2 * 30) / 31), 2);
  });

  it('trains the network alone when asked, into a smaller model that still round-trips', async () => {
    const alone = await trainIntentModel(examples, { lang: 'en', seed: 7, linear: false });
    const json = JSON.parse(JSON.stringify(alone.toJSON()));
    expect(json.linear).toBeUndefined();
    expect(JSON.stringify(json).length).toBeLessThan(JSON.stringify(model.toJSON()).length);
    expect((await loadIntentModel(json).classify('please cancel my order')).intent).toBe('cancel_order');
  });

  it('still serves a model stored in the first JSON format', async () => {
    const weights = Buffer.from(Int8Array.from([127, 0, 0, 127]).buffer).toString('base64');
    const v1 = { format: 'storedesk-intent-model', version: 1, lang: 'en', featureOptions: { bigrams: false, charNgrams: [] }, threshold: 0.5, alpha: 0.07, intents: ['card', 'refund'], features: ['w:card', 'w:refund'], bias: [0, 0], scales: [0.1, 0.1], weights };
    const served = loadIntentModel(v1);
    expect((await served.classify('card')).intent).toBe('card');
    expect((await served.classify('refund')).intent).toBe('refund');
    expect((await served.classify('banana')).intent).toBe('None');
  });

  it.each([
    ['another format', { format: 'nlpjs', version: 1 }],
    ['mismatched sizes', { ...JSON.parse('{}'), format: 'storedesk-intent-model', version: 1, lang: 'en', featureOptions: { bigrams: true, charNgrams: [3] }, intents: ['a'], features: ['w:x'], bias: [0], scales: [1], weights: 'AAAA' }],
  ])('refuses to load %s', (_name, json) => {
    expect(() => loadIntentModel(json)).toThrow(/intent model/i);
  });

  it('refuses a language it does not support and an empty corpus', async () => {
    await expect(trainIntentModel(examples, { lang: 'xx' })).rejects.toThrow(/Unsupported language/);
    await expect(trainIntentModel([], { lang: 'en' })).rejects.toThrow(/at least one example/);
  });
});
