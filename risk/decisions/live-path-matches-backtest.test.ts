import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { runBacktest, sortEvents } from '../backtest';
import { InMemoryBlocklist } from '../blocklist';
import type { FailedLookupEvent, ReplayEvent } from '../events';
import type { Features } from '../signals';
import { createIdentifierHasher } from '../identity-graph';
import { testShop, TEST_RISK_KEY } from '../product-testing';
import { deriveAppealLinkKey } from '../store';
import { generateEvents } from '../testing';
import { recordFailedLookup } from './record-failed-lookup';
import { scoreSubject } from './score-subject';
import { createShopConfigCache } from './shop-risk-config';

const hasher = createIdentifierHasher('equivalence-test-secret-0123456789');
const stream = generateEvents({
  seed: 7, days: 3, buyers: 100, families: 10, offices: 2, reRegistrations: 8,
  deviceFarms: 3, couponAbusers: 5, cardTesters: 3, stolenCards: 6,
});
// Shopify times are whole milliseconds, and so is what the database keeps.
const scoredEvents = stream.events.map((event) => ({ ...event, at: Math.floor(event.at) }));
const scoredOrders = scoredEvents.filter((event) => event.type === 'order');
// Someone guessing order numbers in chat before some orders: from the order's device, or its IP alone.
const lookups: FailedLookupEvent[] = scoredOrders.slice(10, 16).flatMap((order, i) =>
  Array.from({ length: 3 + i }, (_, k) => ({
    type: 'lookup_failed' as const,
    at: order.at - (k + 1) * 7 * 60_000,
    ...(i % 2 === 0 ? { device: order.device ?? 'chat-device', ip: order.ip } : { ip: order.ip ?? '192.0.2.1' }),
  })),
);
const events = sortEvents<ReplayEvent>([...scoredEvents, ...lookups]);
const orders = events.filter((event) => event.type === 'order');
const blockedOrder = orders.slice(orders.length / 2).find((event) => event.device && stream.labels.get(event.order))!;
const blockedDevice = blockedOrder.device!;
const blockedFrom = blockedOrder.at - 60_000;

describe(`the live Postgres scoring path and the in-memory backtest (${testEngine})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database?.close());

  it('give every order of a generated stream the same features, score, decision and reasons', async () => {
    const blocklist = new InMemoryBlocklist();
    const device = hasher('device', blockedDevice);
    blocklist.add({ identifier: device, scope: 'shop', reason: 'Chargebacks', addedAt: blockedFrom });
    const features = new Map<string, Features>();
    const expected = await runBacktest(events, { hasher, blocklist, onFeatures: (order, f) => features.set(order, f) });

    const shop = await testShop(database, 'equivalence.myshopify.com');
    await database.pool.query(
      `INSERT INTO risk_blocklist (shop_id, identifier_key, kind, reason, added_by, created_at) VALUES ($1, $2, 'device', 'Chargebacks', 'test', $3)`,
      [shop.id, device.key, new Date(blockedFrom)],
    );
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const deps = { db: database.pool, hasher, clock, appealLinkKey: deriveAppealLinkKey(TEST_RISK_KEY), publicUrl: 'https://storedesk.test' };
    const configs = createShopConfigCache(database.pool, () => clock.now().getTime());
    const live = new Map<string, Awaited<ReturnType<typeof scoreSubject>>['verdict']>();
    for (const event of events) {
      if (event.type === 'lookup_failed') {
        await recordFailedLookup(deps, shop.id, { at: new Date(event.at), device: event.device, ip: event.ip });
        continue;
      }
      const subject = event.type === 'order' ? { type: 'order' as const, id: event.order } : { type: 'account' as const, id: event.account };
      const { verdict } = await scoreSubject(deps, configs, shop.id, event, subject);
      if (event.type === 'order') live.set(event.order, verdict);
    }

    let blocked = 0;
    for (const want of expected) {
      const got = live.get(want.order)!;
      const wantFeatures = Object.fromEntries(Object.entries(features.get(want.order)!).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
      expect({ order: want.order, features: got.features }).toEqual({ order: want.order, features: wantFeatures });
      expect(got.ruleScore).toBeCloseTo(want.score, 5);
      if (got.features.blocklist_hits) {
        blocked += 1;
        expect(got.decision).toBe('deny');
        continue;
      }
      expect({ order: want.order, decision: got.decision, reasons: got.reasons.map((r) => r.code) }).toEqual({
        order: want.order, decision: want.decision, reasons: want.reasons.map((r) => r.code),
      });
    }
    expect(expected).toHaveLength(orders.length);
    expect(blocked).toBeGreaterThan(0);
    expect(expected.filter((s) => s.reasons.some((r) => r.code === 'failed-lookups-day')).length).toBeGreaterThan(0);
    expect([...live.values()].filter((v) => v.features.failed_lookups_1h! >= 3).length).toBeGreaterThan(0);
    expect(expected.filter((s) => s.decision !== 'allow').length).toBeGreaterThan(5);
  }, 240_000);
});
