import { upsertShop, type Database, type Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { countSegment } from './measure-segment';
import { parseSegmentQuery } from './parse-segment-query';

// Six profiles; a second shop holds the same tags and must never be counted.
const PROFILES: string[][] = [
  ['country:SG', 'discount:high', 'interest:running', 'loyalty:loyal', 'rfm:champions', 'spend:top'],
  ['country:SG', 'discount:high', 'interest:running', 'loyalty:lapsed', 'rfm:dormant', 'spend:none'],
  ['country:SG', 'discount:mid', 'interest:trail', 'loyalty:repeat', 'rfm:loyal', 'spend:top'],
  ['country:MY', 'discount:high', 'interest:running', 'loyalty:first-time', 'rfm:new', 'spend:low'],
  ['country:SG', 'brand:lion-city', 'loyalty:loyal', 'rfm:loyal', 'spend:high'],
  ['country:AU', 'rfm:prospects', 'spend:none'],
];

describe(`segment sizes (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;

  beforeAll(async () => {
    database = await createTestDatabase();
    shop = await upsertShop(database.db, { domain: 'segments-count.myshopify.com' });
    const other = await upsertShop(database.db, { domain: 'segments-other.myshopify.com' });
    for (const [shopId, prefix] of [[shop.id, 'a'], [other.id, 'b']] as const) {
      for (const [i, tags] of PROFILES.entries()) {
        await database.pool.query('INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at) VALUES ($1, $2, $3, 1, now())', [shopId, `${prefix}${i}`, tags]);
      }
    }
  });
  afterAll(async () => database?.close());

  it.each([
    ['country:SG', 4],
    ['discount:high AND interest:running AND country:SG', 2],
    ['country:SG AND NOT loyalty:lapsed', 3],
    ['(rfm:champions OR rfm:loyal) AND spend:top', 2],
    ['rfm:champions OR rfm:loyal OR country:AU', 4],
    ['NOT country:SG', 2],
    ['country:SG AND (spend:top OR brand:lion-city) AND NOT discount:mid', 2],
    ['NOT (country:SG OR country:MY) OR interest:trail', 2],
    ['brand:"Lion City"', 1],
    ['interest:yoga', 0],
  ])('counts "%s" as %i', async (query, expected) => {
    const parsed = parseSegmentQuery(query);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await countSegment(database.pool, shop.id, parsed.expr)).toBe(expected);
  });
});
