import type { Database } from '../../db';
import { PostgresBotStorage, upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { asRawText, redact } from '../../privacy';
import { listCorpusTurns } from '../../training/corpus';
import { readTranscript } from './read-transcript';
import { TurnLog } from './turn-log';

describe(`TurnLog on ${testEngine}`, () => {
  let database: Database;
  let shopA: string;
  let shopB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'log-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'log-b.myshopify.com' })).id;
  });
  afterAll(() => database.close());

  const line = (shopId: string, conversationId: string, sender: 'buyer' | 'bot', text: string) => ({ shopId, channelId: 'test', conversationId, sender, text: asRawText(text), language: 'en' });

  it.each([1, 2, 3])('keeps the lines of concurrent turns in order per conversation, each under its own shop (round %i)', async (round) => {
    const log = new TurnLog(database.db);
    await Promise.all(
      Array.from({ length: 12 }, (_, turn) => {
        const shopId = turn % 2 === 0 ? shopA : shopB;
        const conversation = `r${round}-c${turn % 3}`;
        return log.record([line(shopId, conversation, 'buyer', `question ${turn}`), line(shopId, conversation, 'bot', `answer ${turn}`)]);
      }),
    );
    const transcript = await readTranscript(database.db, shopA, 'test', `r${round}-c0`);
    expect(transcript.map((l) => `${l.sender}: ${l.text}`)).toEqual(['buyer: question 0', 'bot: answer 0', 'buyer: question 6', 'bot: answer 6']);
    expect(await readTranscript(database.db, shopB, 'test', `r${round}-c0`)).toHaveLength(4);
  });

  it('stores the redacted corpus turn with the raw lines, and a line with quotes and unicode as given', async () => {
    const log = new TurnLog(database.db);
    const text = 'refund "now" to jane.tan@example.com 谢谢 \\ ok';
    await log.record([line(shopA, 'c-corpus', 'buyer', text)], [{ shopId: shopA, language: 'en', text: redact(asRawText(text)).text, intent: 'get_refund', score: 0.75, source: 'bot' }]);
    expect((await readTranscript(database.db, shopA, 'test', 'c-corpus')).map((l) => l.text)).toEqual([text]);
    const corpus = await listCorpusTurns(database.db, shopA);
    expect(corpus.map((t) => [t.text, t.intent, t.score])).toEqual([['refund "now" to <EMAIL> 谢谢 \\ ok', 'get_refund', 0.75]]);
    expect(await listCorpusTurns(database.db, shopB)).toEqual([]);
  });

  it('stores the state of a turn with its lines, and of concurrent commits to one conversation state the later wins', async () => {
    const log = new TurnLog(database.db);
    const key = 'test/conversations/c-state/';
    await Promise.all(
      [1, 2, 3].map((n) => log.commit({ lines: [line(shopA, 'c-state', 'buyer', `turn ${n}`)], state: { shopId: shopA, key, document: { storedesk: { n } } } })),
    );
    const storage = new PostgresBotStorage(database.db, shopA);
    expect((await storage.read([key]))[key]).toMatchObject({ storedesk: { n: 3 }, eTag: expect.any(String) });
    expect(await new PostgresBotStorage(database.db, shopB).read([key])).toEqual({});
    expect((await readTranscript(database.db, shopA, 'test', 'c-state')).map((l) => l.text)).toEqual(['turn 1', 'turn 2', 'turn 3']);
  });

  it('writes nothing for an empty turn', async () => {
    await expect(new TurnLog(database.db).record([], [])).resolves.toBeUndefined();
  });
});
