import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { asRawText, redact } from '../../privacy';
import { enqueueReviewItem, listReviewItems, countOpenReviewItems } from '../review-queue';
import { listCorpusTurns, recordCorpusTurns } from './record-corpus-turns';

describe(`training corpus and review queue on ${testEngine}`, () => {
  let database: Database;
  let shopA: string;
  let shopB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'corpus-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'corpus-b.myshopify.com' })).id;
  });
  afterAll(() => database.close());

  it('stores redacted turns per shop, and the compiler refuses raw text', async () => {
    const raw = asRawText('refund to jane.tan@example.com please');
    const text = redact(raw).text;
    await recordCorpusTurns(database.db, [{ shopId: shopA, language: 'en', text, intent: 'get_refund', score: 0.9, source: 'bot' }]);
    // @ts-expect-error raw chat must never reach the training store
    const refused = () => recordCorpusTurns(database.db, [{ shopId: shopA, language: 'en', text: raw, intent: null, score: null, source: 'bot' }]);
    void refused;
    expect((await listCorpusTurns(database.db, shopA)).map((t) => t.text)).toEqual(['refund to <EMAIL> please']);
    expect(await listCorpusTurns(database.db, shopB)).toEqual([]);
  });

  it('queues review items per shop, newest first, with their redacted context and scores', async () => {
    for (const n of [1, 2, 3]) {
      await enqueueReviewItem(database.db, {
        shopId: shopA,
        language: 'en',
        conversationRef: 'c1',
        text: redact(`question ${n} from 91234567`).text,
        context: [redact('earlier line').text],
        topIntents: [{ intent: 'track_order', score: 0.3 }],
        answer: 'not sure',
      });
    }
    const page = await listReviewItems(database.db, shopA, { limit: 2 });
    expect(page.map((i) => i.text)).toEqual(['question 3 from <PHONE>', 'question 2 from <PHONE>']);
    const next = await listReviewItems(database.db, shopA, { limit: 2, before: { createdAt: page[1]!.createdAt, id: page[1]!.id } });
    expect(next.map((i) => i.text)).toEqual(['question 1 from <PHONE>']);
    expect(await countOpenReviewItems(database.db, shopA)).toBe(3);
    expect(await listReviewItems(database.db, shopB)).toEqual([]);
  });
});
