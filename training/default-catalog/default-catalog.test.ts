import { catalogTrainingExamples, loadDefaultCatalog, parseAnswerCatalog } from './index';
import { trainIntentModel } from '../intent-model';
import type { IntentModel } from '../intent-model';

describe('the default answer catalog', () => {
  const catalog = loadDefaultCatalog();

  it('passes its own schema and answers every intent in every language it declares', () => {
    expect(catalog.intents.length).toBeGreaterThanOrEqual(20);
    for (const intent of catalog.intents) for (const lang of catalog.languages) expect(intent.answers[lang]?.text.length).toBeGreaterThan(0);
  });

  it.each([
    ['a duplicate intent id', (c: Record<string, unknown>) => ({ ...c, intents: [...(c.intents as unknown[]), (c.intents as unknown[])[0]] }), /duplicate intent/],
    ['a button title over 20 characters', (c: Record<string, unknown>) => ({ ...c, outOfScope: { examples: {}, answers: { en: { text: 'x', buttons: [{ title: 'a'.repeat(21), value: 'v' }] } } } }), /outOfScope\.answers\.en\.buttons\.0\.title/],
    ['an http link', (c: Record<string, unknown>) => ({ ...c, outOfScope: { examples: {}, answers: { en: { text: 'x', links: [{ title: 't', url: 'http://evil.example' }] } } } }), /https/],
  ])('rejects a merchant catalog with %s, naming where', (_name, mutate, problem) => {
    const result = parseAnswerCatalog(mutate({ ...(catalog as unknown as Record<string, unknown>), languages: ['en'] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(problem);
  });

  describe('a model trained on it (en)', () => {
    let model: IntentModel;
    beforeAll(async () => {
      model = await trainIntentModel(catalogTrainingExamples(catalog, 'en'), { lang: 'en', seed: 42 });
    }, 60_000);

    it.each([
      ['hello there', 'greeting'],
      ['hi, is anyone here?', 'greeting'],
      ['thank you very much', 'thanks'],
      ['where is my parcel? I ordered last week', 'track_order'],
      ['i want to cancel the order i placed yesterday', 'cancel_order'],
      ['can I return these shoes, they are too small', 'return_policy'],
      ['how much do you charge for delivery', 'shipping_costs'],
      ['how long does it take to ship to singapore', 'shipping_times'],
      ['do you accept paynow', 'payment_methods'],
      ['let me speak to a real person please', 'contact_human_agent'],
      ['what time do you close today', 'opening_hours'],
      ['is the black jacket in stock in size L', 'product_availability'],
      ['my discount code does not work', 'discount_codes'],
      ['I forgot my password and cannot log in', 'account_help'],
      ['please delete all my personal data', 'privacy_request'],
      ['the vase arrived broken', 'complaint'],
      ['I still have not received my refund', 'track_refund'],
    ])('understands "%s" as %s', async (text, intent) => {
      expect((await model.classify(text)).intent).toBe(intent);
    });

    it.each(['what is the capital of Japan', 'tell me a funny story about cats'])('abstains on the off-topic line "%s"', async (text) => {
      expect((await model.classify(text)).intent).toBe('None');
    });
  });

  it.each([
    ['zh', '我的订单到哪里了', 'track_order'],
    ['ms', 'saya nak batalkan pesanan saya', 'cancel_order'],
    ['ta', 'எனது ஆர்டர் எங்கே உள்ளது', 'track_order'],
  ] as const)('a %s model trained on it understands "%s" as %s', async (lang, text, intent) => {
    const model = await trainIntentModel(catalogTrainingExamples(catalog, lang), { lang, seed: 42 });
    expect((await model.classify(text)).intent).toBe(intent);
  });
});
