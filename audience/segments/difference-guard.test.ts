import { createAuditLog, createPseudonymizer } from '../../privacy';
import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { requestExport } from '../export/export-segment';
import { countWithNeighbours, gateSizeHistory, revealingNeighbour, sizeAndCloseNeighbour } from './difference-guard';
import { gateDistribution } from './k-gate';
import { measureSegment } from './measure-segment';
import { parseSegmentQuery } from './parse-segment-query';
import { saveSegment } from './segment-store';

const K = 5;
// 28 profiles. By hand: country:SG 17, interest:running 17, discount:high 2, country:MY 5, country:AU 6.
const GROUPS: Array<[number, string[]]> = [
  [10, ['country:SG', 'interest:running']],
  [2, ['country:SG', 'interest:running', 'discount:high']],
  [5, ['country:MY', 'interest:running']],
  [5, ['country:SG']],
  [6, ['country:AU']],
];

const parse = (query: string) => {
  const parsed = parseSegmentQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.expr;
};

describe(`differencing: no two sizes shown side by side differ by 1 to k-1 (${testEngine}, k=${K})`, () => {
  let database: Database;
  let shopId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'differencing.myshopify.com' })).id;
    let n = 0;
    for (const [count, tags] of GROUPS) {
      for (let i = 0; i < count; i++) {
        await database.pool.query('INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at) VALUES ($1, $2, $3, 1, now())', [shopId, `p${n++}`, tags]);
      }
    }
  });
  afterAll(async () => database?.close());

  it.each<[string, number]>([
    ['country:SG', 17], // all customers minus it: 11
    ['country:SG AND interest:running', 12], // vs interest:running (17) and country:SG (17): 5 apart each
    ['country:SG OR country:MY', 22], // vs country:SG: 5 apart; vs country:MY: 17; vs all: 6
    ['country:MY AND interest:running', 5], // the same customers as country:MY: 0 apart
  ])('shows "%s" as %i', async (query, size) => {
    expect(await measureSegment(database.pool, shopId, parse(query), K)).toEqual({ belowK: false, k: K, size });
  });

  it.each<[string, RegExp]>([
    // 10 match, 12 match without the NOT: the 2 with discount:high would show.
    ['country:SG AND interest:running AND NOT discount:high', /differs from "country:SG AND interest:running" by fewer than 5/],
    // 26 of 28: the 2 others would show.
    ['NOT discount:high', /differs from all customers by fewer than 5/],
    // 8 match, country:AU alone 6: the 2 with discount:high would show.
    ['country:AU OR discount:high', /differs from "country:AU" by fewer than 5/],
  ])('refuses "%s", which is 1 to k-1 away from a query one edit away', async (query, message) => {
    const size = await measureSegment(database.pool, shopId, parse(query), K);
    expect(size).toMatchObject({ belowK: true, size: null, reason: 'close-to-other', message: expect.stringMatching(message) });
    expect(JSON.stringify(size)).not.toMatch(/"size":(10|26|8)\b/);
  });

  it('still says "fewer than k" for a small segment, and suggests only widenings that pass the same rule', async () => {
    const size = await measureSegment(database.pool, shopId, parse('discount:high AND country:SG'), K);
    expect(size).toMatchObject({ belowK: true, reason: 'fewer-than-k', message: expect.stringMatching(/^Fewer than 5 customers match/) });
    // Dropping discount:high gives country:SG (17, shown); dropping country:SG gives discount:high (2, under k).
    expect(size.belowK && size.suggestions).toEqual([{ query: 'country:SG', dropped: 'discount:high', size: 17 }]);
  });

  it.each([
    'country:SG', 'country:SG AND interest:running', 'country:SG OR country:MY', 'country:MY AND interest:running',
    'country:SG AND interest:running AND NOT discount:high', 'NOT discount:high', 'country:AU OR discount:high',
    'discount:high AND country:SG', 'interest:running AND NOT country:MY', '(country:SG OR country:AU) AND NOT interest:running',
    'country:SG OR (country:MY AND interest:running)', 'country:NZ',
  ])('the early-stopping probe of "%s" agrees with full counts of every neighbour', async (query) => {
    const expr = parse(query);
    const counts = await countWithNeighbours(database.pool, shopId, expr);
    const full = revealingNeighbour(counts, K);
    const probe = await sizeAndCloseNeighbour(database.pool, shopId, expr, K);
    expect(probe.size).toBe(counts.size);
    expect(probe.close).toEqual(full);
  });

  it('refuses an export whose members differ by 1 to k-1 from a segment already written to Shopify', async () => {
    const deps = {
      db: database.db,
      pool: database.pool,
      pseudonymizer: createPseudonymizer({ db: database.db, secrets: createSecretBox('f'.repeat(64)) }),
      auditLog: createAuditLog({ db: database.db }),
      clock: new ManualClock(new Date()),
      writeBackFor: async () => {
        throw new Error('not in this test');
      },
      k: K,
    };
    const wanted = await saveSegment(database.db, shopId, 'staff', { name: 'SG runners', query: 'country:SG AND interest:running' });
    const first = await requestExport(deps, shopId, 'staff', wanted.id);
    expect(first.size).toBe(12);
    // An earlier export of the 10 SG runners without discount:high is in Shopify already: 12 vs 10 would single out 2.
    await database.db.insert(schema.audienceExports).values({
      shopId, segmentName: 'earlier', query: 'interest:running AND NOT discount:high AND NOT country:MY', shopifyTag: 'storedesk:earlier', status: 'done', size: 10, requestedBy: 'staff',
    });
    await expect(requestExport(deps, shopId, 'staff', wanted.id)).rejects.toThrow(/differs from the earlier export "interest:running AND NOT discount:high AND NOT country:MY" by fewer than 5/);
  });
});

describe('change since the last refresh', () => {
  it.each<[string, number | null, number | undefined, number | undefined, { last: number | null; previous: number | null; change: number | null; changeHidden: boolean }]>([
    ['a change of at least k', 120, 120, 100, { last: 120, previous: 100, change: 20, changeHidden: false }],
    ['no change', 100, 100, 100, { last: 100, previous: 100, change: 0, changeHidden: false }],
    ['a change of 1 to k-1 (the previous size is hidden)', 100, 100, 96, { last: 100, previous: null, change: null, changeHidden: true }],
    ['a size now 1 to k-1 from the last refresh', 104, 100, 80, { last: null, previous: 80, change: null, changeHidden: true }],
    ['a previous size under k', 40, 40, 3, { last: 40, previous: null, change: null, changeHidden: true }],
    ['a first refresh', 40, 40, undefined, { last: 40, previous: null, change: null, changeHidden: false }],
  ])('with %s', (_, now, last, previous, expected) => {
    expect(gateSizeHistory(10, now, last, previous)).toEqual(expected);
  });
});

describe('charts against the size of the group charted', () => {
  const gate = (counts: Array<[string, number]>, total: number, multiValued = false) => {
    const gated = gateDistribution(counts.map(([value, count]) => ({ value, count })), 10, { total, multiValued });
    return { shown: gated.buckets.map((b): [string, number] => [b.value, b.count]), hidden: gated.hiddenRemainder };
  };

  it.each<[string, Array<[string, number]>, number, boolean, Array<[string, number]>, boolean]>([
    // 6 without a country: 4 of ID are not shown, 10 unaccounted for.
    ['leaves 0 or at least k unaccounted for', [['SG', 60], ['MY', 30], ['ID', 4]], 100, false, [['SG', 60], ['MY', 30]], true],
    // SG 60 and MY 35 of 100 would leave 5 unaccounted for: pooling MY into other (37) still leaves 3, so SG goes too, and "other" (97) would leave 3.
    ['pools shown values until what is left is not a small group', [['SG', 60], ['MY', 35], ['ID', 2]], 100, false, [], true],
    ['shows every value when they add up to the whole', [['SG', 60], ['MY', 30], ['ID', 10]], 100, false, [['SG', 60], ['MY', 30], ['ID', 10]], false],
    // 95 of 100 with running would single out the 5 without.
    ['hides a value held by all but a few, with several values each', [['running', 95], ['trail', 40]], 100, true, [['trail', 40]], true],
  ])('%s', (_, counts, total, multiValued, shown, hidden) => {
    const result = gate(counts, total, multiValued);
    expect(result.shown).toEqual(shown);
    expect(result.hidden).toBe(hidden);
    for (const [, count] of result.shown) expect(count >= 10 && (total - count === 0 || total - count >= 10)).toBe(true);
  });
});
