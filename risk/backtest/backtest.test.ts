import { InMemoryBlocklist } from '../blocklist';
import type { OrderEvent, RiskEvent } from '../events';
import { createIdentifierHasher } from '../identity-graph';
import { parseEventLine, runBacktest, sortEvents } from '.';

const t = (minutes: number): number => Date.parse('2026-03-02T10:00:00Z') + minutes * 60_000;
const hasher = createIdentifierHasher('backtest-test-secret-123');

function farm(count: number, startMinute: number): RiskEvent[] {
  return Array.from({ length: count }, (_, index): RiskEvent[] => [
    {
      type: 'account',
      at: t(startMinute + index * 10),
      account: `farm-${index}`,
      device: 'dev-farm',
      ip: '203.0.113.7',
    },
    {
      type: 'order',
      at: t(startMinute + index * 10 + 2),
      order: `o-${index}`,
      account: `farm-${index}`,
      amount: 30,
      device: 'dev-farm',
      ip: '203.0.113.7',
      discountCode: 'WELCOME10',
    },
  ]).flat();
}

describe('backtest replay', () => {
  it('scores an order only with what was known at its time, not with accounts that appear later', async () => {
    const first: OrderEvent = {
      type: 'order',
      at: t(0),
      order: 'first',
      account: 'early',
      amount: 30,
      device: 'dev-farm',
      ip: '203.0.113.7',
      discountCode: 'WELCOME10',
    };
    const alone = await runBacktest([first], { hasher });
    const withLater = await runBacktest([...farm(8, 60), first], { hasher });
    const scoredFirst = withLater.find((entry) => entry.order === 'first');
    expect(scoredFirst).toEqual(alone[0]);
    const lastOfFarm = withLater.find((entry) => entry.order === 'o-7');
    expect(lastOfFarm!.score).toBeGreaterThan(scoredFirst!.score);
    expect(lastOfFarm!.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['device-accounts-day', 'coupon-linked-accounts']),
    );
  });

  it('gives the same scores whatever order the file lists the events in', async () => {
    const events = farm(6, 0);
    const shuffled = [
      events[5]!,
      events[2]!,
      events[11]!,
      events[0]!,
      ...events.filter((_, index) => ![0, 2, 5, 11].includes(index)),
    ];
    expect(await runBacktest(shuffled, { hasher })).toEqual(await runBacktest(events, { hasher }));
  });

  it('sorts by time and keeps the file order of events at the same moment', () => {
    const a: RiskEvent = { type: 'account', at: t(5), account: 'a' };
    const b: RiskEvent = { type: 'order', at: t(5), order: 'b', account: 'a' };
    const c: RiskEvent = { type: 'account', at: t(1), account: 'c' };
    expect(sortEvents([a, b, c])).toEqual([c, a, b]);
  });

  it('denies an order from a blocklisted device with the blocklist reason, until the entry expires', async () => {
    const blocklist = new InMemoryBlocklist();
    blocklist.add({
      identifier: hasher('device', 'dev-bad'),
      scope: 'global',
      reason: 'chargeback',
      addedAt: t(-60),
      expiresAt: t(60),
    });
    const events: RiskEvent[] = [
      { type: 'order', at: t(0), order: 'blocked', account: 'x', amount: 20, device: 'dev-bad' },
      { type: 'order', at: t(120), order: 'expired', account: 'y', amount: 20, device: 'dev-bad' },
    ];
    const [blocked, expired] = await runBacktest(events, { hasher, blocklist });
    expect(blocked).toMatchObject({ decision: 'deny' });
    expect(blocked!.reasons[0]?.code).toBe('blocklisted');
    expect(expired!.reasons.map((reason) => reason.code)).not.toContain('blocklisted');
  });

  it('links accounts through normalised emails: a plus-tag variant meets its mailbox', async () => {
    const events: RiskEvent[] = [
      { type: 'account', at: t(0), account: 'a1', email: 'mei.tan@gmail.com' },
      { type: 'order', at: t(5), order: 'o1', account: 'a1', amount: 30, discountCode: 'WELCOME10' },
      { type: 'account', at: t(60), account: 'a2', email: 'M.E.I.TAN+2@googlemail.com' },
      { type: 'order', at: t(65), order: 'o2', account: 'a2', amount: 30, discountCode: 'WELCOME10' },
    ];
    const [, second] = await runBacktest(events, { hasher });
    expect(second!.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['same-mailbox', 'email-variant', 'coupon-linked-accounts']),
    );
  });
});

describe('failed order look-ups in the replay', () => {
  it('counts look-ups from the same device or IP before an order, and none made after it', async () => {
    const lookups = Array.from({ length: 6 }, (_, i) => ({ type: 'lookup_failed' as const, at: t(i * 30), device: ' dev-prober ' }));
    const order = (id: string, at: number, ip?: string): OrderEvent => ({ type: 'order', at, order: id, amount: 30, device: ip ? undefined : 'dev-prober', ip });
    const events = [
      ...lookups,
      { type: 'lookup_failed' as const, at: t(170), ip: '::ffff:198.51.100.4' },
      order('from-device', t(175)),
      order('from-ip', t(176), '198.51.100.4'),
      order('next-day', t(175 + 24 * 60)),
      { type: 'lookup_failed' as const, at: t(24 * 60 + 180), device: 'dev-prober' },
    ];
    const scored = await runBacktest(events, { hasher });
    const reasons = (id: string) => scored.find((s) => s.order === id)!.reasons;
    expect(reasons('from-device').find((r) => r.code === 'failed-lookups-day')?.description).toBe(
      '6 failed order look-ups in chat from this device or IP in the last day.',
    );
    expect(reasons('from-ip').map((r) => r.code)).not.toContain('failed-lookups-day');
    expect(reasons('next-day').map((r) => r.code)).not.toContain('failed-lookups-day');
    expect(scored).toHaveLength(3);
  });
});

describe('event lines', () => {
  it.each([
    [
      '{"type":"account","at":"2026-03-01T09:00:00Z","account":"a"}',
      { type: 'account', at: Date.parse('2026-03-01T09:00:00Z'), account: 'a' },
    ],
    [
      '{"type":"order","at":"2026-03-01T09:00:00+08:00","order":7,"amount":"12.50","discountCode":" ","ip":null}',
      { type: 'order', at: Date.parse('2026-03-01T01:00:00Z'), order: '7', amount: 12.5 },
    ],
    [
      '{"type":"lookup_failed","at":"2026-03-01T09:00:00Z","device":"dev-1","ip":"203.0.113.7"}',
      { type: 'lookup_failed', at: Date.parse('2026-03-01T09:00:00Z'), device: 'dev-1', ip: '203.0.113.7' },
    ],
  ])('reads %s', (line, expected) => {
    expect(parseEventLine(line)).toEqual({ ok: true, event: expect.objectContaining(expected) });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1,2]', /not a JSON object/],
    ['{"type":"account","at":"2026-03-01T09:00:00Z"}', /"account"/],
    ['{"type":"order","at":"soon","order":"o"}', /"at" is not an ISO 8601 time/],
    ['{"type":"order","at":"2026-03-01T09:00:00Z","order":"o","amount":-1}', /"amount"/],
    ['{"type":"lookup_failed","at":"2026-03-01T09:00:00Z"}', /needs a "device" or an "ip"/],
    ['{"type":"refund","at":"2026-03-01T09:00:00Z"}', /"lookup_failed"/],
  ])('rejects %s', (line, problem) => {
    const parsed = parseEventLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
