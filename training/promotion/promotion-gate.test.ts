import { computeIntentMetrics } from '../evaluation';
import { decidePromotion } from './promotion-gate';

// Gold labels of a held-out set: 40 turns over four intents (10 each).
const gold = ['a', 'b', 'c', 'd'].flatMap((intent) => Array.from({ length: 10 }, () => intent));
/** Predictions that get `wrong` turns of each listed intent wrong (predicted as `x`). */
const predictions = (wrong: Record<string, number>) => {
  const used: Record<string, number> = {};
  return gold.map((g) => {
    used[g] = (used[g] ?? 0) + 1;
    return used[g]! <= (wrong[g] ?? 0) ? 'x' : g;
  });
};
const metrics = (wrong: Record<string, number>) => computeIntentMetrics(gold, predictions(wrong));

describe('the promotion gate', () => {
  it.each([
    ['the same quality', { a: 1 }, { b: 1 }, true],
    ['slightly worse, within the noise margin', { a: 1 }, { a: 1, b: 1 }, true],
    ['clearly worse macro-F1', {}, { a: 2, b: 2, c: 2 }, false],
    ['one intent collapsing while the others improve', { a: 1, b: 1, c: 1, d: 1 }, { d: 6 }, false],
    ['better everywhere', { a: 3, b: 3 }, {}, true],
  ])('with %s, promote is %s', (_name, live, candidate, promote) => {
    const decision = decidePromotion({ trainingAccuracy: 1, candidate: metrics(candidate), live: metrics(live), hasLiveModel: true });
    expect(decision.promote).toBe(promote);
    expect(decision.margin).toBeGreaterThanOrEqual(0.01);
    expect(decision.margin).toBeLessThanOrEqual(0.05);
  });

  it('names the collapsed intent', () => {
    const decision = decidePromotion({ trainingAccuracy: 1, candidate: metrics({ d: 6 }), live: metrics({}), hasLiveModel: true });
    expect(decision.collapsed.map((c) => c.intent)).toEqual(['d']);
  });

  it.each([
    ['a first model', { trainingAccuracy: 0.95, candidate: null, live: null, hasLiveModel: false }, true],
    ['no held-out turns yet', { trainingAccuracy: 0.95, candidate: null, live: null, hasLiveModel: true }, true],
    ['a broken fit, even as a first model', { trainingAccuracy: 0.3, candidate: null, live: null, hasLiveModel: false }, false],
  ])('with %s, promote is %s', (_name, input, promote) => {
    expect(decidePromotion(input).promote).toBe(promote);
  });
});
