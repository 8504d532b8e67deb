import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntentJsonl } from '../evaluation';
import { chooseBlend } from './blend';
import { loadIntentModel, trainIntentModel } from './index';
import type { IntentModel } from './index';
import { EncoderThread, embedOn } from './encoder-workers';
import { encodeSentence, encodeSentences, SENTENCE_DIMENSIONS, SENTENCE_ENCODER } from './sentence-encoder';

const examples = parseIntentJsonl(readFileSync(join(__dirname, 'fixtures/shop-intents.jsonl'), 'utf8'), 'shop-intents.jsonl');
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0) / (norm(a) * norm(b));

// Paraphrases whose content words never appear in the fixture corpus.
const paraphrases = [
  ['has the courier dispatched my shipment', 'track_order'],
  ['can I be reimbursed for the item', 'refund'],
  ['when do you shut on weekdays', 'opening_hours'],
  ['how late are you trading on saturday', 'opening_hours'],
  ['reverse the charge and return my cash', 'refund'],
  ['where on earth is my parcel, it is late', 'track_order'],
  ['I changed my mind, call off the purchase', 'cancel_order'],
  ['my stuff still has not turned up', 'track_order'],
  ['I would like to be compensated for the faulty goods', 'refund'],
  ['until what hour can I visit', 'opening_hours'],
  ['scrap my purchase', 'cancel_order'],
  ['I need a reimbursement', 'refund'],
  ['the courier never came', 'track_order'],
  ['are you closed on public holidays', 'opening_hours'],
  ['void the transaction', 'cancel_order'],
  ['how long until the box reaches me', 'track_order'],
] as const;

describe('the pretrained sentence encoder', () => {
  it('gives a unit vector per text, close for paraphrases, far for unrelated lines, and zeros for empty text', async () => {
    const [a, b, c, empty] = await encodeSentences(['where is my parcel', 'has my package shipped yet', 'what is the capital of France', '  ']);
    expect(a).toHaveLength(SENTENCE_DIMENSIONS);
    expect(norm(a as Float32Array)).toBeCloseTo(1, 4);
    expect(cosine(a as Float32Array, b as Float32Array)).toBeGreaterThan(cosine(a as Float32Array, c as Float32Array) + 0.2);
    expect(Array.from(empty as Float32Array).every((x) => x === 0)).toBe(true);
  });

  it('batches concurrent single texts and encodes them as a batch would', async () => {
    const texts = paraphrases.map(([text]) => text);
    const [singles, batch] = await Promise.all([Promise.all(texts.map((t) => encodeSentence(t))), encodeSentences(texts)]);
    singles.forEach((vector, i) => expect(cosine(vector, batch[i] as Float32Array)).toBeGreaterThan(0.9999));
  });

  it('encodes batches on several worker threads, in order, as the one encoder thread does', async () => {
    const texts = paraphrases.map(([text]) => text);
    const batches = [texts.slice(0, 5), texts.slice(5, 9), texts.slice(9)];
    let reported = 0;
    const threads = [new EncoderThread(SENTENCE_DIMENSIONS), new EncoderThread(SENTENCE_DIMENSIONS)];
    const [threaded, local] = await Promise.all([embedOn(threads, batches, () => (reported += 1)), encodeSentences(texts)]).finally(() => Promise.all(threads.map((thread) => thread.close())));
    expect(reported).toBe(3);
    expect(threaded.map((b) => b.length)).toEqual([5, 4, 7]);
    threaded.flat().forEach((vector, i) => expect(cosine(vector, local[i] as Float32Array)).toBeGreaterThan(0.9999));
  });

  it('stops handing out batches when one thread fails, and fails with its error once the others are done', async () => {
    const thread = new EncoderThread(SENTENCE_DIMENSIONS);
    const broken = { embed: () => Promise.reject(new Error('thread crashed')) };
    const batches = Array.from({ length: 40 }, (_, i) => [`line ${i}`]);
    let encoded = 0;
    try {
      await expect(embedOn([thread, broken], batches, () => (encoded += 1))).rejects.toThrow('thread crashed');
      // The working thread had taken the first batch and finished it; it takes no more, even a while later.
      expect(encoded).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(encoded).toBe(1);
    } finally {
      await thread.close();
    }
  });

  it('starts again after it was closed', async () => {
    const thread = new EncoderThread(SENTENCE_DIMENSIONS);
    try {
      const [before] = await thread.embed(['where is my parcel']);
      await thread.close();
      const [after] = await thread.embed(['where is my parcel']);
      expect(cosine(before as Float32Array, after as Float32Array)).toBeGreaterThan(0.9999);
    } finally {
      await thread.close();
    }
  });
});

describe('the semantic part of an English model', () => {
  let model: IntentModel;
  let ngramsOnly: IntentModel;
  beforeAll(async () => {
    [model, ngramsOnly] = await Promise.all([trainIntentModel(examples, { lang: 'en', seed: 7 }), trainIntentModel(examples, { lang: 'en', seed: 7, semantic: false })]);
  });

  it('is trained for English, stored with the name of its encoder, and serves the same after a JSON round trip', async () => {
    expect(ngramsOnly.toJSON().semantic).toBeUndefined();
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    expect(json.semantic.encoder).toBe(SENTENCE_ENCODER);
    expect(json.blend.semanticWeight).toBeGreaterThan(0);
    const served = loadIntentModel(json);
    for (const [text] of paraphrases) {
      const [a, b] = await Promise.all([model.classify(text), served.classify(text)]);
      expect(b.top[0]?.intent).toBe(a.top[0]?.intent);
      expect(Math.abs(b.score - a.score)).toBeLessThan(0.02);
    }
  });

  it('ranks paraphrases with unseen words better than the n-gram models alone', async () => {
    const right = async (m: IntentModel) => (await Promise.all(paraphrases.map(async ([text, intent]) => (await m.classify(text)).top[0]?.intent === intent))).filter(Boolean).length;
    const [withVectors, without] = await Promise.all([right(model), right(ngramsOnly)]);
    // Measured: 12 of 16 with the sentence vectors, 10 without.
    expect(withVectors).toBeGreaterThanOrEqual(without + 2);
    expect(withVectors).toBeGreaterThanOrEqual(11);
  });

  it('answers from the n-gram models alone, and warns once without the text, when the encoder fails', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const broken = () => Promise.reject(new Error('sentence encoder thread exited with code 1'));
      const unsure = ['xylophone quantum giraffe', 'can I be reimbursed for the item'];
      for (const text of unsure) {
        const fallback = await model.classify(text, broken);
        expect(fallback).toEqual(model.classifyEncoded(text, undefined));
        expect(fallback).not.toEqual(await model.classify(text));
      }
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]?.[0]);
      expect(message).toMatch(/n-gram models alone: sentence encoder thread exited with code 1/);
      expect(unsure.some((text) => message.includes(text))).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it('is absent where no encoder exists for the language', async () => {
    const malay = await trainIntentModel(
      [
        { text: 'di mana pesanan saya', intent: 'track_order' },
        { text: 'batalkan pesanan saya', intent: 'cancel_order' },
      ],
      { lang: 'ms', seed: 7 },
    );
    expect(malay.toJSON().semantic).toBeUndefined();
  });

  it('refuses a stored model that needs an encoder this version does not have', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    json.semantic.encoder = 'some-future-encoder';
    expect(() => loadIntentModel(json)).toThrow(/sentence encoder some-future-encoder/);
  });
});

describe('the blend with a semantic part', () => {
  it('gives the sentence-vector model its largest share when only it knows the answers', () => {
    const items = Array.from({ length: 120 }, (_, i) => {
      const gold = i % 3;
      const noise = [(i * 7) % 5, (i * 11) % 5, (i * 13) % 5].map((x) => x / 10);
      return { gold, network: noise, linear: [...noise].reverse(), semantic: [0, 1, 2].map((k) => (k === gold ? 3 : 0)) };
    });
    const blend = chooseBlend(items);
    expect(blend.semanticWeight).toBe(0.6);
    expect(chooseBlend(items.map(({ semantic: _s, ...rest }) => rest)).semanticWeight).toBeUndefined();
  });
});
