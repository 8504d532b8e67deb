import type { Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { connectToFake, type ConnectedFake } from '../testing/connected-fake';
import { ShopifyWriteRejectedError } from './idempotent-write';
import { createWriteBack, type ShopifyWriteBack } from './write-back';

describe(`write-back to Shopify (${testEngine})`, () => {
  let database: Database;
  let connected: ConnectedFake;
  let writeBack: ShopifyWriteBack;
  let customerId: number;
  let orderId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    connected = await connectToFake(database);
    writeBack = createWriteBack({ pool: database.pool, shopId: connected.shop.id, client: connected.client });
    const store = connected.fake.state().store;
    customerId = Number(store.customer(0).legacyResourceId);
    orderId = Number(store.orders().next().value!.legacyResourceId);
  });
  afterAll(async () => {
    await connected.close();
    await database.close();
  });

  const writesOf = (mutation: string) => connected.fake.writes().filter((w) => w.mutation === mutation);

  it('adds customer tags once, however often it is asked', async () => {
    expect(await writeBack.addCustomerTags(customerId, ['storedesk:loyal', 'storedesk:rfm-champions'])).toEqual({ replayed: false });
    expect(await writeBack.addCustomerTags(customerId, ['storedesk:rfm-champions', 'storedesk:loyal'])).toEqual({ replayed: true });
    expect(writesOf('tagsAdd')).toHaveLength(1);
    const read = await connected.client.request<{ customer: { tags: string[] } }>('query($id: ID!) { customer(id: $id) { tags } }', { id: `gid://shopify/Customer/${customerId}` });
    expect(read.customer.tags).toEqual(expect.arrayContaining(['storedesk:loyal', 'storedesk:rfm-champions']));
  });

  it('writes a risk assessment with facts trimmed to Shopify limits, once per key', async () => {
    const facts = Array.from({ length: 25 }, (_, i) => ({ description: `Reason ${i} `.padEnd(300, 'x'), sentiment: 'NEGATIVE' as const }));
    await writeBack.createOrderRiskAssessment(orderId, { riskLevel: 'HIGH', facts }, 'score-v1');
    await writeBack.createOrderRiskAssessment(orderId, { riskLevel: 'HIGH', facts }, 'score-v1');
    const written = writesOf('orderRiskAssessmentCreate');
    expect(written).toHaveLength(1);
    const input = written[0]!.input as { orderRiskAssessmentInput?: { facts: Array<{ description: string }> }; input?: { facts: Array<{ description: string }> } };
    const sent = (input.orderRiskAssessmentInput ?? input.input)!;
    expect(sent.facts).toHaveLength(20);
    expect(sent.facts.every((f) => f.description.length <= 256)).toBe(true);
  });

  it('creates a segment once and returns its id', async () => {
    const first = await writeBack.createSegment('storedesk: discount lovers', "customer_tags CONTAINS 'storedesk:discount-high'");
    const again = await writeBack.createSegment('storedesk: discount lovers', "customer_tags CONTAINS 'storedesk:discount-high'");
    expect(first.segmentId).toMatch(/^gid:\/\/shopify\/Segment\//);
    expect(again).toEqual({ segmentId: first.segmentId, replayed: true });
    expect(writesOf('segmentCreate')).toHaveLength(1);
  });

  it('retries a write that failed on a server error, and then succeeds once', async () => {
    connected.fake.injectFault({ status: 503, times: 2 });
    await writeBack.addCustomerTags(customerId, ['storedesk:retry-check']);
    expect(writesOf('tagsAdd').filter((w) => JSON.stringify(w.input).includes('retry-check'))).toHaveLength(1);
  });

  it('reports a write Shopify refuses, and does not retry it', async () => {
    await expect(writeBack.addCustomerTags(999_999_999, ['storedesk:nobody'])).rejects.toBeInstanceOf(ShopifyWriteRejectedError);
    const { rows } = await database.pool.query(`SELECT status FROM shopify_writes WHERE shop_id = $1 AND request->>'customerId' = '999999999'`, [connected.shop.id]);
    expect(rows[0].status).toBe('rejected');
  });
});
