import { storeActiveModel } from '../bot';
import { isValidNric, passesLuhn, tableRetentionTargets } from '../privacy';
import { catalogTrainingExamples, loadDefaultCatalog, NONE_INTENT, trainIntentModel, type IntentExample } from '../training';
import { listCorpusTurns } from '../training/corpus';
import { listReviewItems } from '../training/review-queue';
import { CANARIES, CANARY_PIECES, canariesByTable, canariesIn, dumpDatabase } from './testing/canaries';
import { startBuyerConversation, type DirectLineActivity, type DirectLineBuyer } from './testing/direct-line-buyer';
import { signInStaff, type StaffClient } from './testing/staff-client';
import { E2E_ADMIN_PASSWORD, startProduct, waitFor, type RunningProduct } from './testing/start-product';

const { email, nric, card, phone, name } = Object.fromEntries(Object.entries(CANARIES).map(([kind, c]) => [kind, c.value])) as Record<keyof typeof CANARIES, string>;

// What the buyer says: every canary, in the ways people write them, and one turn the bot can't place.
const BUYER_TURNS = [
  `Hi, my name is ${name}`,
  `My email is ${email} and my phone is ${phone}`,
  `where is my order #1001? my email is ${email}`,
  `I paid with card ${card}, how do I get a refund?`,
  `My NRIC is ${nric}, can I return the shoes?`,
  `blorp wibble frobnicate ${name} ${nric}`,
  'Can I talk to a person please?',
];
const NOT_SURE = /^I'm not sure I understood that/;
const PLACEHOLDERS = ['<PERSON>', '<EMAIL>', '<PHONE>', '<CARD>', '<NRIC>'];

describe(`personal data planted in a chat reaches only the raw transcript, until retention removes it (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let product: RunningProduct;
  let buyer: DirectLineBuyer;
  let staff: StaffClient;
  const replies: DirectLineActivity[][] = [];
  const messages = (activities: DirectLineActivity[]) => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');

  beforeAll(async () => {
    expect(isValidNric(nric)).toBe(true);
    expect(passesLuhn(card.replace(/\s/g, ''))).toBe(true);
    product = await startProduct({ demoOrders: 40 });
    staff = await signInStaff(product.url, E2E_ADMIN_PASSWORD);
    buyer = await startBuyerConversation(product.url, product.shopDomain);
    replies.push(buyer.greeting);
    for (const text of BUYER_TURNS) replies.push(await buyer.say(text));
    // A person takes over, answers and hands back: the staff side of the path.
    const [handoff] = await staff.openHandoffs();
    await staff.reply(handoff!.id, `Hello ${name.split(' ')[0]}, I am checking your refund now.`);
    await staff.close(handoff!.id);
    await product.app.bot.flush();
  }, 90_000);

  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  it("answers every turn, says it is unsure of the unclear ones, hands over on request, and never repeats the buyer's details", async () => {
    const [greeting, , notSure, lookup, refund, returns, gibberish, person] = replies.map(messages);
    expect(greeting?.[0]).toMatch(/automated assistant/);
    expect(notSure?.[0]).toMatch(NOT_SURE);
    expect(lookup).toEqual(["I couldn't match those details to an order. Please check the order number and the email or phone number used at checkout."]);
    // "How do I get a refund" sits between two refund answers: the bot gives one, or asks which with both offered.
    const [, , , , refundActivities] = replies;
    const refundChoices = (refundActivities ?? []).flatMap((a) => a.suggestedActions?.actions.map((action) => action.title) ?? []);
    expect([refund?.[0], ...refundChoices].join(' ')).toMatch(/refund/i);
    expect(returns?.[0]).toMatch(/return/i);
    expect(gibberish?.[0]).toMatch(NOT_SURE);
    expect(person?.join(' ')).toMatch(/asked someone/);
    expect(canariesIn(JSON.stringify(replies.flat().filter((a) => a.type === 'message')))).toEqual([]);
  });

  it('keeps every canary in the raw transcript, and in no table that retention does not purge', async () => {
    const found = canariesByTable(await dumpDatabase(product.app.database.pool));
    expect(found.bot_transcripts?.sort()).toEqual(Object.keys(CANARIES).sort());
    const purged = new Set(tableRetentionTargets(product.app.database.db).map((target) => target.name));
    expect(Object.keys(found).filter((table) => !purged.has(table))).toEqual([]);
  });

  it('puts only redacted text in the training corpus', async () => {
    const corpus = await listCorpusTurns(product.app.database.db, product.shopId);
    const text = corpus.map((turn) => turn.text).join('\n');
    expect(corpus.length).toBeGreaterThanOrEqual(BUYER_TURNS.length - 2);
    for (const placeholder of PLACEHOLDERS) expect(text).toContain(placeholder);
    expect(canariesIn(JSON.stringify(corpus))).toEqual([]);
  });

  it('queues the low-confidence turn for trainers redacted, with redacted context', async () => {
    const items = await listReviewItems(product.app.database.db, product.shopId);
    const gibberish = items.find((item) => item.text.includes('frobnicate'));
    expect(gibberish?.text).toBe('blorp wibble frobnicate <PERSON> <NRIC>');
    expect(gibberish?.context.join(' ')).toMatch(/<CARD>/);
    expect(canariesIn(JSON.stringify(items))).toEqual([]);
  });

  it('trains and stores a model from the corpus whose export holds no canary, not even as a feature', async () => {
    const corpus = await listCorpusTurns(product.app.database.db, product.shopId, { language: 'en' });
    // Every corpus turn goes in, unsure ones as None, so all of the buyer's words reach the vocabulary.
    const fromCorpus: IntentExample[] = corpus.map((turn) => ({ text: String(turn.text), intent: turn.intent ?? NONE_INTENT }));
    const model = await trainIntentModel([...catalogTrainingExamples(loadDefaultCatalog(), 'en'), ...fromCorpus], { lang: 'en', seed: 7 });
    const exported = model.toJSON();
    const vocabulary = [...exported.features, ...(exported.linear?.terms ?? [])].map((f) => f.toLowerCase());
    expect(vocabulary.some((feature) => feature.includes('frobnic'))).toBe(true);
    expect(vocabulary.filter((feature) => CANARY_PIECES.some((piece) => feature.includes(piece)))).toEqual([]);
    expect(canariesIn(JSON.stringify(exported))).toEqual([]);
    await storeActiveModel(product.app.database.db, { shopId: product.shopId, language: 'en', model: exported, corpusSize: fromCorpus.length });
  }, 60_000);

  it('hands the inbox and the audit log to staff without any canary', async () => {
    const audit = await staff.request('GET', '/api/admin/audit?limit=200');
    expect(audit.status).toBe(200);
    expect(canariesIn(JSON.stringify(audit.body))).toEqual([]);
  });

  it('writes no canary to any log line', () => {
    expect(product.logLines.length).toBeGreaterThan(10);
    const leaking = product.logLines.filter((line) => canariesIn(line).length > 0);
    expect(leaking).toEqual([]);
  });

  it("purges the raw transcript past the shop's retention, after which no canary is left anywhere", async () => {
    const { pool } = product.app.database;
    // The clock moves past the shop's 30 days for the raw data: every timestamp of the purged tables goes back 31 days.
    for (const table of tableRetentionTargets(product.app.database.db).map((target) => target.name)) {
      const columns = await pool.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND data_type LIKE 'timestamp%'",
        [table],
      );
      if (columns.rows.length === 0) continue;
      const set = columns.rows.map(({ column_name: c }) => `"${c}" = "${c}" - interval '31 days'`).join(', ');
      await pool.query(`UPDATE "${table}" SET ${set} WHERE shop_id = $1`, [product.shopId]);
    }
    await product.app.jobs!.now('privacy.retention', { shopId: product.shopId });
    await waitFor('the retention job', async () => {
      const { rows } = await pool.query("SELECT 1 FROM audit_log WHERE shop_id = $1 AND action = 'retention.purge'", [product.shopId]);
      return rows.length > 0 ? true : undefined;
    });
    const transcript = await pool.query('SELECT count(*)::int AS n FROM bot_transcripts WHERE shop_id = $1', [product.shopId]);
    expect(transcript.rows[0].n).toBe(0);
    expect(canariesByTable(await dumpDatabase(pool))).toEqual({});
    expect(product.logLines.filter((line) => canariesIn(line).length > 0)).toEqual([]);
  }, 60_000);
});
