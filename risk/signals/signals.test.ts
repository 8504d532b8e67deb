import { readEventFacts } from '../events';
import type { OrderRecord } from '../order-history';
import {
  accountTimingSignal,
  cardTestingSignal,
  computeFeatures,
  countryMismatchSignal,
  discountAbuseSignal,
  disposableEmailSignal,
  failedLookupsSignal,
  isDisposableDomain,
  orderValueSignal,
  RunningAmountStats,
  velocitySignal,
} from '.';
import type { SignalContext } from '.';
import { DEFAULT_RULES, scoreFeatures } from '../scoring';

const at = Date.parse('2026-03-02T10:00:00Z');
const MINUTE = 60_000;

function context(overrides: Partial<SignalContext> = {}): SignalContext {
  return {
    kind: 'order',
    at,
    amount: 40,
    facts: readEventFacts({ type: 'order', at, order: 'o' }),
    emailIsVariant: false,
    priorOrders: 0,
    links: {},
    linkedAccounts: [],
    linkedCodeUsers: 0,
    sourceCodeUsers: 0,
    accountOrders: [],
    sourceOrders: [],
    sourceFailedLookups: { hour: 0, day: 0 },
    blocklistHits: [],
    ...overrides,
  };
}

function order(partial: Partial<OrderRecord>): OrderRecord {
  return {
    order: `o${Math.random()}`,
    account: 'x',
    at: at - MINUTE,
    firstOrder: true,
    paymentFailed: false,
    sources: [],
    ...partial,
  };
}

describe('signals', () => {
  it('counts other accounts per device and IP, and the account’s own orders per hour and day', () => {
    const features = velocitySignal(
      context({
        links: { device: { hour: 2, day: 5, week: 9, month: 9 }, ip: { hour: 1, day: 3, week: 3, month: 3 } },
        accountOrders: [order({ at: at - 10 * MINUTE }), order({ at: at - 5 * 60 * MINUTE })],
      }),
    );
    expect(features).toMatchObject({
      device_accounts_1h: 2,
      device_accounts_24h: 5,
      device_accounts_7d: 9,
      ip_accounts_24h: 3,
      account_orders_1h: 1,
      account_orders_24h: 2,
    });
  });

  it.each([
    [
      'a code linked accounts used',
      { linkedCodeUsers: 3, sourceCodeUsers: 0 },
      undefined,
      { discount_linked_reuse: 3 },
    ],
    [
      'a public code weighs half',
      { linkedCodeUsers: 2, sourceCodeUsers: 4 },
      'public',
      { discount_linked_reuse: 1, discount_source_reuse: 2 },
    ],
    [
      'a first order of a new account',
      { linkedCodeUsers: 0, sourceCodeUsers: 0, profile: { firstSeen: at - MINUTE } },
      undefined,
      { discount_new_account: 1 },
    ],
  ])('discount abuse: %s', (_, overrides, discountKind, expected) => {
    const facts = readEventFacts({
      type: 'order',
      at,
      order: 'o',
      attrs: discountKind ? { discountKind } : {},
    });
    expect(discountAbuseSignal(context({ discountCode: 'WELCOME10', facts, ...overrides }))).toMatchObject(
      expected,
    );
  });

  it('does not apply discount signals to an order without a code', () => {
    expect(Number.isNaN(discountAbuseSignal(context()).discount_linked_reuse)).toBe(true);
  });

  it.each([
    ['mailinator.com', 1],
    ['sub.mailinator.com', 1],
    ['yopmail.com', 1],
    ['gmail.com', 0],
    ['acme-corp.com', 0],
  ])('disposable email domain %s → %d', (domain, expected) => {
    expect(disposableEmailSignal(context({ emailDomain: domain })).disposable_email).toBe(expected);
    expect(isDisposableDomain(domain)).toBe(expected === 1);
  });

  it.each([
    [{ ipCountry: 'SG', billingCountry: 'SG', shippingCountry: 'SG' }, 0],
    [{ ipCountry: 'NG', billingCountry: 'US', shippingCountry: 'SG' }, 2],
    [{ ipCountry: 'MY', shippingCountry: 'SG' }, 1],
  ])('country mismatch of %p is %d', (attrs, expected) => {
    expect(
      countryMismatchSignal(context({ facts: readEventFacts({ type: 'order', at, order: 'o', attrs }) }))
        .country_mismatch,
    ).toBe(expected);
  });

  it('measures minutes from sign-up to the first order only', () => {
    const profile = { firstSeen: at - 3 * MINUTE, signedUpAt: at - 3 * MINUTE };
    expect(accountTimingSignal(context({ profile })).signup_to_order_minutes).toBeCloseTo(3);
    expect(
      Number.isNaN(accountTimingSignal(context({ profile, priorOrders: 2 })).signup_to_order_minutes),
    ).toBe(true);
  });

  it('places an order value against the shop’s robust normal range, once it has one', () => {
    const stats = new RunningAmountStats();
    expect(
      Number.isNaN(orderValueSignal(context({ amount: 900, amountSummary: stats.summary() })).amount_z),
    ).toBe(true);
    for (let index = 0; index < 200; index++) stats.observe(30 + (index % 40));
    stats.observe(100_000); // one outlier must not move the range
    const summary = stats.summary();
    expect(orderValueSignal(context({ amount: 45, amountSummary: summary })).amount_z).toBeLessThan(1);
    expect(orderValueSignal(context({ amount: 900, amountSummary: summary })).amount_z).toBeGreaterThan(5);
    expect(RunningAmountStats.fromJSON(stats.toJSON()).summary()).toEqual(summary);
  });

  it('sees card testing: small orders and failed payments from one source within the hour', () => {
    const sourceOrders = [1, 2, 3, 4].map((amount) => order({ amount, paymentFailed: amount % 2 === 0 }));
    const facts = readEventFacts({ type: 'order', at, order: 'o', attrs: { paymentStatus: 'declined' } });
    expect(cardTestingSignal(context({ amount: 2, sourceOrders, facts }))).toEqual({
      source_orders_1h: 4,
      source_small_orders_1h: 5,
      failed_payments_1h: 3,
    });
  });

  it('gives every feature a value, NaN where a signal does not apply', () => {
    const features = computeFeatures(context({ kind: 'account', amount: undefined }));
    expect(features.device_accounts_24h).toBe(0);
    expect(Number.isNaN(features.amount_z)).toBe(true);
    expect(Number.isNaN(features.source_small_orders_1h)).toBe(true);
  });
});

describe('failed order look-ups in chat', () => {
  it('counts the busier source per window on sign-ups and orders alike, and gives a plain-words reason', () => {
    const features = computeFeatures(context({ kind: 'account', sourceFailedLookups: { hour: 2, day: 5 } }));
    expect(failedLookupsSignal(context({ sourceFailedLookups: { hour: 2, day: 5 } }))).toEqual({ failed_lookups_1h: 2, failed_lookups_24h: 5 });
    expect(features.failed_lookups_24h).toBe(5);
    const verdict = scoreFeatures(features, DEFAULT_RULES);
    expect(verdict.reasons.find((r) => r.code === 'failed-lookups-day')?.description).toBe(
      '5 failed order look-ups in chat from this device or IP in the last day.',
    );
    expect(verdict.reasons.some((r) => r.code === 'failed-lookups-hour')).toBe(false);
  });
});
