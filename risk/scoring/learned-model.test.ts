import { runBacktest } from '../backtest';
import type { Features } from '../signals';
import { generateEvents, rocAuc } from '../testing';
import { DEFAULT_RULES, LearnedModel, MIN_LABELS_PER_CLASS, scoreFeatures, trainRiskModel } from '.';
import type { LabelledExample } from '.';

const SMALL = {
  buyers: 2500,
  families: 120,
  offices: 3,
  reRegistrations: 40,
  deviceFarms: 8,
  couponAbusers: 20,
  cardTesters: 5,
  stolenCards: 40,
  days: 30,
};

async function labelledExamples(seed: number): Promise<LabelledExample[]> {
  const { events, labels } = generateEvents({ seed, ...SMALL });
  const examples: LabelledExample[] = [];
  await runBacktest(events, {
    onFeatures: (order, features) => examples.push({ features, fraud: labels.get(order) === true }),
  });
  return examples;
}

function auc(examples: readonly LabelledExample[], score: (features: Features) => number): number {
  return rocAuc(examples.map((example) => ({ score: score(example.features), fraud: example.fraud })));
}

describe('learned model', () => {
  let history: LabelledExample[];
  let later: LabelledExample[];
  beforeAll(async () => {
    [history, later] = await Promise.all([labelledExamples(11), labelledExamples(12)]);
  });

  it('does not train below the minimum number of labelled outcomes', () => {
    const result = trainRiskModel(history.slice(0, 199), { minLabels: 200 });
    expect(result).toMatchObject({ trained: false, labelCount: 199 });
    if (!result.trained) expect(result.reason).toMatch(/at least 200/);
  });

  it('does not train without enough outcomes of each kind', () => {
    const genuine = history.filter((example) => !example.fraud).slice(0, 500);
    const fraud = history.filter((example) => example.fraud).slice(0, MIN_LABELS_PER_CLASS - 1);
    const result = trainRiskModel([...genuine, ...fraud]);
    expect(result.trained).toBe(false);
  });

  it('trains past the minimum and, blended with the rules, ranks later orders better than the rules alone', () => {
    const result = trainRiskModel(history);
    expect(result.trained).toBe(true);
    if (!result.trained) return;
    const rulesOnly = auc(later, (features) => scoreFeatures(features, DEFAULT_RULES).score);
    const blended = auc(later, (features) => scoreFeatures(features, DEFAULT_RULES, result.model).score);
    expect(blended).toBeGreaterThan(rulesOnly);
    const verdict = scoreFeatures(
      later.find((example) => example.fraud)!.features,
      DEFAULT_RULES,
      result.model,
    );
    expect(verdict.reasons.map((reason) => reason.code)).toContain('learned-model');
    expect(verdict.modelScore).toBeGreaterThan(0);
  });

  it('round-trips through JSON and refuses a model trained on other features', () => {
    const result = trainRiskModel(history);
    if (!result.trained) throw new Error('expected a model');
    const restored = LearnedModel.fromJSON(JSON.parse(JSON.stringify(result.model.toJSON())));
    expect(restored?.predictLogOdds(later[0]!.features)).toBeCloseTo(
      result.model.predictLogOdds(later[0]!.features),
      10,
    );
    expect(LearnedModel.fromJSON({ ...result.model.toJSON(), features: ['something_else'] })).toBeUndefined();
  });
});
