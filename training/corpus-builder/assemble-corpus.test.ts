import { assembleCorpus, type CorpusSources } from './assemble-corpus';

const labels = (intent: string, n: number, prefix = intent) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, text: `${intent} question ${i}`, intent }));

const base: CorpusSources = {
  shopId: 'shop-1',
  language: 'en',
  catalog: [
    { text: 'where is my order', intent: 'track_order' },
    { text: 'tell me a joke', intent: 'None' },
  ],
  labels: [...labels('track_order', 10), ...labels('refund', 5), ...labels('None', 4), ...labels('solo', 1)],
  confidentTurns: [],
};

describe('assembling a shop corpus', () => {
  it('holds out about a fifth of each intent, keeps single-example intents in training, and leaks no held-out text', () => {
    const corpus = assembleCorpus(base);
    const heldOutBy = (intent: string) => corpus.heldOut.filter((e) => e.intent === intent).length;
    expect([heldOutBy('track_order'), heldOutBy('refund'), heldOutBy('None'), heldOutBy('solo')]).toEqual([2, 1, 1, 0]);
    const trainTexts = new Set(corpus.train.map((e) => e.text));
    expect(corpus.heldOut.some((e) => trainTexts.has(e.text))).toBe(false);
    expect(corpus.train.filter((e) => e.intent === 'None').length).toBe(corpus.counts.none);
    expect(corpus.counts).toMatchObject({ catalog: 2, labels: 20 - 4, heldOut: 4 });
  });

  it('keeps a held-out turn held out when more labels arrive', () => {
    const before = assembleCorpus(base).heldOut.map((e) => e.text);
    const after = assembleCorpus({ ...base, labels: [...base.labels, ...labels('track_order', 5, 'late')] }).heldOut.map((e) => e.text);
    const kept = before.filter((t) => after.includes(t));
    expect(kept.length).toBeGreaterThanOrEqual(before.length - 1);
  });

  it('lets a trainer label win over a catalog phrasing and the bot guess for the same text', () => {
    const corpus = assembleCorpus({
      ...base,
      labels: [{ id: 'l1', text: 'Where is  my ORDER', intent: 'complaint' }],
      confidentTurns: [{ text: 'where is my order', intent: 'track_order', score: 0.99 }],
    });
    expect(corpus.train.filter((e) => e.text.toLowerCase().replace(/\s+/g, ' ') === 'where is my order')).toEqual([{ text: 'Where is  my ORDER', intent: 'complaint' }]);
  });

  it.each([
    ['below the confidence floor', 0.5, 0],
    ['confident', 0.95, 3],
  ])('takes bot turns that are %s (score %s): %s used', (_name, score, used) => {
    const confidentTurns = Array.from({ length: 5 }, (_, i) => ({ text: `parcel status ${i}`, intent: 'track_order', score }));
    const corpus = assembleCorpus({ ...base, confidentTurns }, { maxConfidentPerIntent: 3 });
    expect(corpus.counts.confidentTurns).toBe(used);
  });

  it('never learns None from the bot itself', () => {
    const corpus = assembleCorpus({ ...base, confidentTurns: [{ text: 'blah', intent: 'None', score: 1 }] });
    expect(corpus.counts.confidentTurns).toBe(0);
  });
});
