import { computeIntentMetrics, parseIntentJsonl, quantile, stratifiedSplit } from './index';

describe('computeIntentMetrics', () => {
  const gold = ['a', 'a', 'b', 'b', 'None', 'None'];
  const predicted = ['a', 'b', 'b', 'None', 'None', 'a'];
  const m = computeIntentMetrics(gold, predicted);

  it.each([
    ['accuracy', m.accuracy, 3 / 6],
    ['in-scope accuracy (None predictions count as wrong)', m.inScopeAccuracy, 2 / 4],
    ['out-of-scope recall', m.outOfScopeRecall, 1 / 2],
  ])('computes %s', (_name, value, expected) => {
    expect(value).toBeCloseTo(expected, 6);
  });

  it('computes per-intent F1 and macro-F1 over the gold intents', () => {
    const a = m.perIntent.find((x) => x.intent === 'a');
    expect(a).toMatchObject({ precision: 0.5, recall: 0.5, support: 2 });
    expect(m.macroF1).toBeCloseTo(0.5, 6);
  });

  it('lists the most frequent confusions first', () => {
    const many = computeIntentMetrics(['x', 'x', 'x', 'y'], ['y', 'y', 'x', 'x']);
    expect(many.topConfusions[0]).toEqual({ gold: 'x', predicted: 'y', count: 2 });
  });

  it('reports null out-of-scope recall when there is nothing out of scope', () => {
    expect(computeIntentMetrics(['a'], ['a']).outOfScopeRecall).toBeNull();
  });

  it('takes nearest-rank quantiles', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBe(99);
  });
});

describe('stratifiedSplit', () => {
  const examples = [...Array.from({ length: 10 }, (_, i) => ({ text: `a${i}`, intent: 'a' })), ...Array.from({ length: 5 }, (_, i) => ({ text: `b${i}`, intent: 'b' })), { text: 'c', intent: 'c' }];

  it('keeps each intent share in the held-out part, keeps lone examples for training, and repeats for a seed', () => {
    const split = stratifiedSplit(examples, { holdOutFraction: 0.2, seed: 1 });
    expect(split.holdOut.filter((e) => e.intent === 'a')).toHaveLength(2);
    expect(split.holdOut.filter((e) => e.intent === 'b')).toHaveLength(1);
    expect(split.train.some((e) => e.intent === 'c')).toBe(true);
    expect(split.train.length + split.holdOut.length).toBe(examples.length);
    expect(stratifiedSplit(examples, { holdOutFraction: 0.2, seed: 1 })).toEqual(split);
    expect(stratifiedSplit(examples, { holdOutFraction: 0.2, seed: 2 }).holdOut).not.toEqual(split.holdOut);
  });
});

describe('parseIntentJsonl', () => {
  it.each([
    ['{"text":"hi","intent":"greeting"}\n{oops\n', /data\.jsonl:2: not valid JSON/],
    ['{"text":"hi"}\n', /data\.jsonl:1: expected an object/],
    ['\n{"text":"hi","intent":" "}\n', /data\.jsonl:2: "intent" is empty/],
  ])('names the bad line of %j', (content, message) => {
    expect(() => parseIntentJsonl(content, 'data.jsonl')).toThrow(message);
  });

  it('reads good lines and skips blank ones', () => {
    expect(parseIntentJsonl('{"text":"hi","intent":"greeting"}\n\n{"text":"x","intent":"None"}\n', 'f')).toEqual([
      { text: 'hi', intent: 'greeting' },
      { text: 'x', intent: 'None' },
    ]);
  });
});
