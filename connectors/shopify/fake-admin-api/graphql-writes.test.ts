/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON answers are read loosely here; the fake's own code stays typed */
import { PassThrough } from 'node:stream';
import { ORDERS_BULK_QUERY, writeOrdersBulkJsonl } from '../demo-store';
import { startSmallFake, startWebhookSink } from './test-helpers';

type Fake = Awaited<ReturnType<typeof startSmallFake>>;
const BULK = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;

describe('fake Admin API writes, throttling and bulk', () => {
  let fake: Fake;
  afterEach(() => fake.close());

  it('records tagsAdd and shows the tags on later reads', async () => {
    fake = await startSmallFake();
    const { body: list } = await fake.gql('{ customers(first: 1) { nodes { id tags } } }');
    const id = list.data.customers.nodes[0].id;
    const { body } = await fake.gql('mutation($id: ID!) { tagsAdd(id: $id, tags: ["rfm:champion", "age:25-34"]) { node { id } userErrors { field message } } }', { id });
    expect(body.data.tagsAdd.userErrors).toEqual([]);
    const { body: after } = await fake.gql('query($id: ID!) { customer(id: $id) { tags } }', { id });
    expect(after.data.customer.tags).toEqual(expect.arrayContaining(['rfm:champion', 'age:25-34']));
    expect(fake.writes().at(-1)).toMatchObject({ mutation: 'tagsAdd', input: { id, tags: ['rfm:champion', 'age:25-34'] } });
  });

  it('records a risk assessment and shows it on the order', async () => {
    fake = await startSmallFake();
    const { body: list } = await fake.gql('{ orders(first: 1) { nodes { id } } }');
    const orderId = list.data.orders.nodes[0].id;
    const input = { orderId, riskLevel: 'HIGH', facts: [{ description: 'Device shared by 5 accounts', sentiment: 'NEGATIVE' }] };
    const { body } = await fake.gql('mutation($i: OrderRiskAssessmentCreateInput!) { orderRiskAssessmentCreate(orderRiskAssessmentInput: $i) { orderRiskAssessment { riskLevel } userErrors { field message } } }', { i: input });
    expect(body.data.orderRiskAssessmentCreate).toEqual({ orderRiskAssessment: { riskLevel: 'HIGH' }, userErrors: [] });
    const { body: read } = await fake.gql('query($id: ID!) { order(id: $id) { risk { recommendation assessments { riskLevel facts { description sentiment } } } } }', { id: orderId });
    expect(read.data.order.risk).toEqual({ recommendation: 'CANCEL', assessments: [{ riskLevel: 'HIGH', facts: input.facts }] });
    expect(fake.state().risk.get(orderId)).toHaveLength(1);
  });

  it.each([
    ['a valid query', 'VIP', 'customer_tags CONTAINS \'vip\' AND number_of_orders > 2', []],
    ['an unknown filter', 'Bad', 'shoe_size > 3', ['query']],
    ['a blank name', '', 'number_of_orders > 2', ['name']],
  ])('segmentCreate with %s answers the right userErrors', async (_n, name, query, fields) => {
    fake = await startSmallFake();
    const { body } = await fake.gql('mutation($n: String!, $q: String!) { segmentCreate(name: $n, query: $q) { segment { id name } userErrors { field message } } }', { n: name, q: query });
    expect(body.data.segmentCreate.userErrors.map((e: any) => e.field[0])).toEqual(fields);
    expect(fake.state().segments).toHaveLength(fields.length === 0 ? 1 : 0);
  });

  it('webPixelCreate keeps one pixel per app with JSON settings, answering Shopify\'s userError codes', async () => {
    fake = await startSmallFake();
    const create = (settings: string) =>
      fake.gql('mutation($w: WebPixelInput!) { webPixelCreate(webPixel: $w) { webPixel { id settings } userErrors { field message code } } }', { w: { settings } });
    const update = (id: string, settings: string) =>
      fake.gql('mutation($id: ID!, $w: WebPixelInput!) { webPixelUpdate(id: $id, webPixel: $w) { webPixel { id settings } userErrors { field message code } } }', { id, w: { settings } });
    expect((await create('{not json')).body.data.webPixelCreate).toMatchObject({ webPixel: null, userErrors: [{ code: 'INVALID_CONFIGURATION_JSON' }] });
    expect((await create('{"appUrl":""}')).body.data.webPixelCreate.userErrors[0].code).toBe('INVALID_SETTINGS');
    const { body } = await create('{"appUrl":"https://a.example"}');
    expect(body.data.webPixelCreate).toEqual({ webPixel: { id: expect.stringMatching(/^gid:\/\/shopify\/WebPixel\/\d+$/), settings: '{"appUrl":"https://a.example"}' }, userErrors: [] });
    const id = body.data.webPixelCreate.webPixel.id;
    expect((await create('{"appUrl":"https://b.example"}')).body.data.webPixelCreate).toMatchObject({ webPixel: null, userErrors: [{ code: 'TAKEN' }] });
    expect((await fake.gql('{ webPixel { id settings } }')).body.data.webPixel).toEqual({ id, settings: '{"appUrl":"https://a.example"}' });
    expect((await update('gid://shopify/WebPixel/1', '{"appUrl":"https://b.example"}')).body.data.webPixelUpdate.userErrors[0].code).toBe('NOT_FOUND');
    expect((await update(id, '{"appUrl":"https://b.example"}')).body.data.webPixelUpdate).toEqual({ webPixel: { id, settings: '{"appUrl":"https://b.example"}' }, userErrors: [] });
    expect(fake.writes().filter((w) => w.mutation.startsWith('webPixel')).map((w) => w.userErrors.map((e) => e.code))).toEqual([
      ['INVALID_CONFIGURATION_JSON'], ['INVALID_SETTINGS'], [], ['TAKEN'], ['NOT_FOUND'], [],
    ]);
  });

  it('answers THROTTLED when the bucket is empty and recovers at the restore rate', async () => {
    let now = 1_000_000;
    fake = await startSmallFake({ maximumAvailable: 30, restoreRate: 10, now: () => now });
    const q = '{ orders(first: 10) { nodes { id } } }';
    expect((await fake.gql(q)).body.data.orders.nodes).toHaveLength(10);
    expect((await fake.gql(q)).body.data).toBeDefined();
    const throttled = (await fake.gql(q)).body;
    expect(throttled.errors).toEqual([{ message: 'Throttled', extensions: expect.objectContaining({ code: 'THROTTLED' }) }]);
    expect(throttled.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 30, currentlyAvailable: 6, restoreRate: 10 });
    now += 500;
    expect((await fake.gql(q)).body.errors?.[0].extensions.code).toBe('THROTTLED');
    now += 700;
    expect((await fake.gql(q)).body.data.orders.nodes).toHaveLength(10);
  });

  it('injects 5xx faults for the next requests only', async () => {
    fake = await startSmallFake();
    fake.injectFault({ status: 503, times: 2 });
    expect((await fake.gql('{ shop { name } }')).status).toBe(503);
    expect((await fake.gql('{ shop { name } }')).status).toBe(503);
    expect((await fake.gql('{ shop { name } }')).status).toBe(200);
  });

  it('runs a bulk operation to a JSONL file with parents before their children, then signals finish', async () => {
    const sink = await startWebhookSink();
    fake = await startSmallFake({ webhookTarget: sink.url });
    const { body } = await fake.gql(BULK, { q: ORDERS_BULK_QUERY });
    const id = body.data.bulkOperationRunQuery.bulkOperation.id;
    const second = await fake.gql(BULK, { q: ORDERS_BULK_QUERY });
    expect(second.body.data.bulkOperationRunQuery.userErrors[0].code).toBe('OPERATION_IN_PROGRESS');
    let op: any;
    const statuses = new Set<string>();
    for (let i = 0; i < 100; i++) {
      op = (await fake.gql('query($id: ID!) { node(id: $id) { ... on BulkOperation { id status url objectCount rootObjectCount errorCode } } }', { id })).body.data.node;
      statuses.add(op.status);
      if (op.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(statuses.has('COMPLETED')).toBe(true);
    const lines = (await (await fetch(op.url)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(Number(op.objectCount));
    expect(lines.filter((l) => !l.__parentId)).toHaveLength(230);
    const seen = new Set<string>();
    for (const l of lines) {
      if (l.__parentId) expect(seen.has(l.__parentId)).toBe(true);
      else seen.add(l.id);
    }
    for (let i = 0; i < 50 && sink.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sink.received[0]!.headers['x-shopify-topic']).toBe('bulk_operations/finish');
    expect(JSON.parse(sink.received[0]!.body)).toMatchObject({ admin_graphql_api_id: id, status: 'completed' });
    await sink.close();
  });

  it('gives the same JSONL through bulkOperationRunQuery as the direct writer', async () => {
    fake = await startSmallFake();
    await fake.gql(BULK, { q: ORDERS_BULK_QUERY });
    let op: any;
    for (let i = 0; i < 100 && op?.status !== 'COMPLETED'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      op = (await fake.gql('{ currentBulkOperation { status url } }')).body.data.currentBulkOperation;
    }
    const viaApi = await (await fetch(op.url)).text();
    const out = new PassThrough();
    let direct = '';
    out.on('data', (c: Buffer) => (direct += c.toString()));
    await writeOrdersBulkJsonl(fake.state().store, out);
    expect(direct).toBe(viaApi);
  });

  it('rejects a bulk query without a top-level connection', async () => {
    fake = await startSmallFake();
    const { body } = await fake.gql(BULK, { q: '{ shop { name } }' });
    expect(body.data.bulkOperationRunQuery).toMatchObject({ bulkOperation: null, userErrors: [{ code: 'INVALID' }] });
  });
});
