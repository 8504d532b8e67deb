import { FEATURE_NAMES } from '../signals';
import type { Features } from '../signals';
import { decide, DEFAULT_RULES, parseRulesDocument, scoreFeatures, toShopifyRiskAssessment } from '.';
import type { RulesDocument } from '.';

function features(values: Partial<Features> = {}): Features {
  return { ...(Object.fromEntries(FEATURE_NAMES.map((name) => [name, Number.NaN])) as Features), ...values };
}

describe('rules document', () => {
  it('accepts the default rules', () => {
    expect(parseRulesDocument(JSON.parse(JSON.stringify(DEFAULT_RULES)))).toEqual({
      ok: true,
      rules: DEFAULT_RULES,
    });
  });

  it('lists every problem of a bad document instead of throwing', () => {
    const result = parseRulesDocument({
      version: 1,
      thresholds: { review: 0.9, deny: 0.5 },
      rules: [
        { id: 'a', feature: 'device_accounts_24h', threshold: 1, weight: 1, reason: 'x' },
        { id: 'a', feature: 'nope', threshold: 1, weight: 99, reason: 'x' },
      ],
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join('\n');
    expect(problems).toMatch(/^thresholds\.review: the review threshold must not be above the deny threshold$/m);
    expect(problems).toMatch(/rules\.1\.feature/);
    expect(problems).toMatch(/^rules\.1\.weight: must be between -20 and 20$/m);
  });
});

describe('scoring', () => {
  it('scores a clean order near the base rate and allows it with no reasons', () => {
    const verdict = scoreFeatures(features(), DEFAULT_RULES);
    expect(verdict.score).toBeCloseTo(1 / (1 + Math.exp(3.9)), 5);
    expect(verdict.decision).toBe('allow');
    expect(verdict.reasons).toEqual([]);
  });

  it('explains a device farm order with reasons, largest contribution first, that add up to the score', () => {
    const verdict = scoreFeatures(
      features({ device_accounts_24h: 8, discount_linked_reuse: 4, disposable_email: 1 }),
      DEFAULT_RULES,
    );
    expect(verdict.decision).toBe('deny');
    expect(verdict.reasons.map((reason) => reason.code)).toEqual([
      'device-accounts-day',
      'coupon-linked-accounts',
      'disposable-email',
    ]);
    expect(verdict.reasons[0]?.description).toBe('8 other accounts used this device in the last 24 hours.');
    const logOdds =
      DEFAULT_RULES.baseLogOdds + verdict.reasons.reduce((sum, reason) => sum + reason.contribution, 0);
    expect(verdict.score).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 10);
  });

  it('gives half a rule’s weight at its threshold and the full weight at saturation', () => {
    const at = scoreFeatures(features({ device_accounts_24h: 3 }), DEFAULT_RULES).reasons[0]?.contribution;
    const full = scoreFeatures(features({ device_accounts_24h: 30 }), DEFAULT_RULES).reasons[0]?.contribution;
    expect(at).toBeCloseTo(1.25);
    expect(full).toBeCloseTo(2.5);
  });

  it('ignores a disabled rule and a feature that does not apply', () => {
    const rules: RulesDocument = {
      ...DEFAULT_RULES,
      rules: DEFAULT_RULES.rules.map((rule) =>
        rule.id === 'disposable-email' ? { ...rule, enabled: false } : rule,
      ),
    };
    expect(scoreFeatures(features({ disposable_email: 1 }), rules).reasons).toEqual([]);
    expect(scoreFeatures(features({ amount_z: Number.NaN }), DEFAULT_RULES).reasons).toEqual([]);
  });

  it.each([
    [0.1, 'allow'],
    [0.5, 'review'],
    [0.84, 'review'],
    [0.85, 'deny'],
    [0.99, 'deny'],
  ] as const)('a score of %p with thresholds 0.5/0.85 means %s', (score, decision) => {
    expect(decide(score, { review: 0.5, deny: 0.85 })).toBe(decision);
  });
});

describe('reasons for Shopify', () => {
  const many: RulesDocument = {
    ...DEFAULT_RULES,
    rules: Array.from({ length: 30 }, (_, index) => ({
      id: `rule-${index}`,
      feature: 'device_accounts_24h' as const,
      op: '>=' as const,
      threshold: 1,
      weight: 0.1 + index / 100,
      enabled: true,
      reason: `${'A very long explanation. '.repeat(8)} {value} {value} {value}`.slice(0, 200),
    })),
  };

  it('keeps at most 20 facts of at most 256 characters, the strongest ones', () => {
    const verdict = scoreFeatures(features({ device_accounts_24h: 123_456_789_012 }), many);
    const assessment = toShopifyRiskAssessment(verdict);
    expect(assessment.facts).toHaveLength(20);
    for (const fact of assessment.facts) expect(fact.description.length).toBeLessThanOrEqual(256);
    expect(verdict.reasons[0]?.code).toBe('rule-29');
  });

  it.each([
    [
      features({ device_accounts_24h: 10, discount_linked_reuse: 5, disposable_email: 1 }),
      'HIGH',
      'NEGATIVE',
    ],
    [features({ device_accounts_24h: 10 }), 'LOW', 'NEGATIVE'],
    [features(), 'LOW', 'POSITIVE'],
  ])('maps the verdict to a risk level and sentiments', (input, level, sentiment) => {
    const assessment = toShopifyRiskAssessment(scoreFeatures(input, DEFAULT_RULES));
    expect(assessment.riskLevel).toBe(level);
    expect(assessment.facts[0]?.sentiment).toBe(sentiment);
  });

  it('says MEDIUM for a review', () => {
    const verdict = scoreFeatures(features({ device_accounts_24h: 8, disposable_email: 1 }), DEFAULT_RULES);
    expect(verdict.decision).toBe('review');
    expect(toShopifyRiskAssessment(verdict).riskLevel).toBe('MEDIUM');
  });
});
