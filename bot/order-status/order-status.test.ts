import pino from 'pino';
import { ManualClock } from '../../core/clock';
import { lookupSources } from '../../risk';
import { createTestRiskService } from '../../risk/product-testing';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import type { DefaultModels } from '../models';
import { actions, buyerChat, insertOrder, sharedDefaultModels, testRuntime, texts } from '../testing';
import { parseOrderDetails } from './parse-order-details';

describe('parseOrderDetails', () => {
  it.each([
    ['where is order #1042? jane@example.com', { orderNumber: 1042, email: 'jane@example.com' }],
    ['#1042 +65 9123 4567', { orderNumber: 1042, phone: '6591234567' }],
    ['order 1042, phone 9123-4567', { orderNumber: 1042, phone: '91234567' }],
    ['1042', { orderNumber: 1042 }],
    ['Jane@Example.com', { email: 'jane@example.com' }],
    ['where is my order', {}],
  ])('reads %j', (text, expected) => {
    expect(parseOrderDetails(text)).toEqual(expected);
  });
});

describe(`order status on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  let defaultModels: DefaultModels;
  const clock = new ManualClock('2026-06-03T04:00:00Z');
  const runtime = () => testRuntime(database, { defaultModels, clock });

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'orders-shop.myshopify.com', name: 'Orders Shop' })).id;
    const other = (await upsertShop(database.db, { domain: 'other-shop.myshopify.com' })).id;
    defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
    await insertOrder(database, shopId, { number: 1042, email: 'jane.tan@example.com', phone: '+65 9123 4567', fulfillmentStatus: 'FULFILLED', trackingNumber: 'NV123', trackingUrl: 'https://track.example/NV123' });
    await insertOrder(database, other, { number: 2001, email: 'someone@example.com' });
  }, 60_000);
  afterAll(() => database.close());

  it('asks for the order number and contact, then reveals status and tracking when they match', async () => {
    const chat = buyerChat(runtime(), shopId);
    expect(texts(await chat.say('where is my order?'))[0]).toMatch(/order number .* and the email or phone/);
    expect(texts(await chat.say('#1042'))[0]).toMatch(/email or phone/);
    const replies = await chat.say('jane.tan@example.com');
    expect(texts(replies)[0]).toMatch(/Order #1042: shipped\. .*Ninja Van NV123/);
    expect(actions(replies)).toContainEqual(expect.objectContaining({ type: 'openUrl', value: 'https://track.example/NV123' }));
  });

  it('matches on the phone number on the order, written another way', async () => {
    const replies = await buyerChat(runtime(), shopId).say('order #1042 phone 9123 4567');
    expect(texts(replies)[0]).toMatch(/Order #1042: shipped/);
  });

  it("gives a wrong email, an unknown order and another shop's order the very same reply", async () => {
    const wrongEmail = texts(await buyerChat(runtime(), shopId).say('#1042 mallory@example.com'));
    const unknown = texts(await buyerChat(runtime(), shopId).say('#9999 jane.tan@example.com'));
    const otherShops = texts(await buyerChat(runtime(), shopId).say('#2001 someone@example.com'));
    expect(wrongEmail).toEqual(unknown);
    expect(otherShops).toEqual(unknown);
    expect(unknown[0]).toMatch(/couldn't match those details/);
    expect(unknown.join(' ')).not.toMatch(/1042|9999|2001/);
  });

  it('an order number past the range of order numbers gets the same neutral reply, not an apology', async () => {
    const replies = texts(await buyerChat(runtime(), shopId).say('#999999999999 jane.tan@example.com'));
    expect(replies).toEqual([expect.stringMatching(/couldn't match those details/)]);
  });

  it('after five misses in a conversation stops looking up, even for the right details, also in a new bot process', async () => {
    const chat = buyerChat(runtime(), shopId);
    for (let i = 0; i < 5; i += 1) expect(texts(await chat.say(`#${3000 + i} guess@example.com`))[0]).toMatch(/couldn't match/);
    expect(texts(await chat.say('#1042 jane.tan@example.com'))[0]).toMatch(/paused order lookups/);
    const restarted = testRuntime(database, { defaultModels, clock });
    await chat.adapter.processActivity({ type: 'message', text: '#1042 jane.tan@example.com', channelData: { shopId } }, (c) => restarted.bot.run(c));
    expect(chat.adapter.activeQueue.splice(0).map((a) => a.text)).toEqual([expect.stringMatching(/paused order lookups/)]);
    clock.advance(16 * 60_000);
    expect(texts(await chat.say('#1042 jane.tan@example.com'))[0]).toMatch(/Order #1042/);
  });

  it('concurrent lookups of many conversations, right and wrong, each get their own answer', async () => {
    const shared = runtime();
    const asks = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? '#1042 jane.tan@example.com' : i % 3 === 1 ? '#1042 mallory@example.com' : '#2001 someone@example.com'));
    const replies = await Promise.all(asks.map((text) => buyerChat(shared, shopId).say(text)));
    replies.forEach((reply, i) => expect(texts(reply)[0]).toMatch(i % 3 === 0 ? /Order #1042: shipped/ : /couldn't match those details/));
  });

  it('limits misses per shop and IP across conversations', async () => {
    const limited = testRuntime(database, { defaultModels, clock, orderLookupLimits: { perConversation: { max: 100, windowMs: 60_000 }, perShopAndIp: { max: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i += 1) await buyerChat(limited, shopId, { clientIp: '203.0.113.7' }).say(`#${4000 + i} a@example.com`);
    const blocked = await buyerChat(limited, shopId, { clientIp: '203.0.113.7' }).say('#1042 jane.tan@example.com');
    expect(texts(blocked)[0]).toMatch(/paused order lookups/);
    const otherIp = await buyerChat(limited, shopId, { clientIp: '203.0.113.8' }).say('#1042 jane.tan@example.com');
    expect(texts(otherIp)[0]).toMatch(/Order #1042/);
  });

  it('keeps only a keyed hash of the IP in limit rows, and runtimes with the same key share the limit by IP', async () => {
    const ip = '198.51.100.23';
    const limits = { perConversation: { max: 100, windowMs: 60_000 }, perShopAndIp: { max: 2, windowMs: 60_000 } };
    const first = testRuntime(database, { defaultModels, clock, orderLookupLimits: limits, encryptionKey: 'c'.repeat(64) });
    const second = testRuntime(database, { defaultModels, clock, orderLookupLimits: limits, encryptionKey: 'c'.repeat(64) });
    for (let i = 0; i < 2; i += 1) await buyerChat(first, shopId, { clientIp: ip }).say(`#${5000 + i} a@example.com`);
    expect(texts(await buyerChat(second, shopId, { clientIp: ip }).say('#1042 jane.tan@example.com'))[0]).toMatch(/paused order lookups/);
    const { rows } = await database.pool.query<{ key: string }>('SELECT key FROM bot_rate_limits');
    expect(rows.filter((row) => row.key.startsWith('order-lookup:ip:'))).not.toHaveLength(0);
    expect(rows.filter((row) => row.key.includes(ip) || row.key.includes('203.0.113'))).toEqual([]);
  });

  it('tells risk about a failed lookup by the hashes of its device and IP, and nothing about a matched one', async () => {
    const risk = createTestRiskService(database);
    const withRisk = testRuntime(database, { defaultModels, clock, risk: risk.service });
    const buyer = { clientIp: '192.0.2.44', deviceId: 'web-device-0001' };
    await buyerChat(withRisk, shopId, buyer).say('#6000 guess@example.com');
    await buyerChat(withRisk, shopId, { deviceId: 'web-device-0002' }).say('#1042 jane.tan@example.com');
    const expected = lookupSources({ device: buyer.deviceId, ip: buyer.clientIp }, risk.service.deps.hasher).map((id) => id.key).sort();
    const stored = async () => (await database.pool.query<{ source_key: string; at: string }>('SELECT source_key, at FROM risk_failed_lookups WHERE shop_id = $1', [shopId])).rows;
    for (let i = 0; i < 50 && (await stored()).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const rows = await stored();
    expect(rows.map((row) => row.source_key).sort()).toEqual(expected);
    expect(rows.every((row) => Number(row.at) === clock.now().getTime())).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2\.44|web-device/);
  });

  it('answers a failed lookup as usual when risk cannot record it, and logs no identifier', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const broken = { query: async () => Promise.reject(Object.assign(new Error('insert failed for 192.0.2.55'), { code: 'XX000' })) };
    const risk = createTestRiskService(database, { db: broken });
    const runtime = testRuntime(database, { defaultModels, clock, logger, risk: risk.service });
    const replies = await buyerChat(runtime, shopId, { clientIp: '192.0.2.55', deviceId: 'web-device-0003' }).say('#6001 guess@example.com');
    expect(texts(replies)[0]).toMatch(/couldn't match those details/);
    const ours = () => lines.filter((line) => line.includes('failed order lookup not recorded for risk'));
    for (let i = 0; i < 50 && ours().length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).not.toMatch(/192\.0\.2\.55|web-device|insert failed/);
  });
});
