/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON answers are read loosely here; the fake's own code stays typed */
import { startSmallFake } from './test-helpers';

type Fake = Awaited<ReturnType<typeof startSmallFake>>;
let fake: Fake;
beforeAll(async () => {
  fake = await startSmallFake();
});
afterAll(() => fake.close());

const PAGE = `query($after: String, $q: String, $sort: OrderSortKeys) { orders(first: 50, after: $after, query: $q, sortKey: $sort) {
  edges { cursor node { id updatedAt createdAt } } pageInfo { hasNextPage endCursor } } }`;

async function all(q?: string, sort?: string): Promise<Array<{ id: string; updatedAt: string; createdAt: string }>> {
  const out = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const { body } = await fake.gql(PAGE, { after, q, sort });
    out.push(...body.data.orders.edges.map((e: any) => e.node));
    if (!body.data.orders.pageInfo.hasNextPage) break;
    after = body.data.orders.pageInfo.endCursor;
  }
  return out;
}

describe('fake Admin API reads', () => {
  it('pages through every order exactly once with cursors', async () => {
    const ids = (await all()).map((o) => o.id);
    expect(ids).toHaveLength(230);
    expect(new Set(ids).size).toBe(230);
  });

  it('pages by UPDATED_AT in order and still returns each order once', async () => {
    const orders = await all(undefined, 'UPDATED_AT');
    expect(new Set(orders.map((o) => o.id)).size).toBe(230);
    const times = orders.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    ["updated_at:>'2026-06-01T00:00:00Z'", (o: any) => Date.parse(o.updatedAt) > Date.parse('2026-06-01T00:00:00Z')],
    ["created_at:>='2026-01-01T00:00:00Z'", (o: any) => Date.parse(o.createdAt) >= Date.parse('2026-01-01T00:00:00Z')],
    ['id:>5600000000200', (o: any) => Number(o.id.split('/').pop()) > 5600000000200],
  ])('filters with the search query %s', async (q, keep) => {
    const everything = await all();
    const filtered = await all(q);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(230);
    expect(filtered.map((o) => o.id)).toEqual(everything.filter(keep).map((o) => o.id));
  });

  it('returns only the fields that were asked for', async () => {
    const { body } = await fake.gql('{ orders(first: 2) { nodes { id name } } customers(first: 1) { edges { node { email } } } }');
    expect(Object.keys(body.data.orders.nodes[0]).sort()).toEqual(['id', 'name']);
    expect(Object.keys(body.data.customers.edges[0].node)).toEqual(['email']);
    expect(body.data.orders.nodes[0].id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
  });

  it('answers order(id:), customer(id:) and shop', async () => {
    const { body: list } = await fake.gql('{ orders(first: 50) { nodes { id customer { id } } } }');
    const withCustomer = list.data.orders.nodes.find((o: any) => o.customer);
    const { body } = await fake.gql('query($o: ID!, $c: ID!) { order(id: $o) { id name } customer(id: $c) { id numberOfOrders } shop { myshopifyDomain currencyCode ianaTimezone } }', { o: withCustomer.id, c: withCustomer.customer.id });
    expect(body.data.order.id).toBe(withCustomer.id);
    expect(Number(body.data.customer.numberOfOrders)).toBeGreaterThan(0);
    expect(body.data.shop).toEqual({ myshopifyDomain: 'storedesk-demo.myshopify.com', currencyCode: 'SGD', ianaTimezone: 'Asia/Singapore' });
  });

  it('refuses a connection without first or last, as Shopify does', async () => {
    const { body } = await fake.gql('{ orders { nodes { id } } }');
    expect(body.errors[0].message).toBe('you must provide one of first or last');
  });

  it.each([['a made-up token', 'shpat_nope'], ['no token', '']])('answers 401 with %s', async (_name, token) => {
    const { status, body } = await fake.gql('{ shop { name } }', {}, token);
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
  });

  it('reports cost in extensions', async () => {
    const { body } = await fake.gql('{ orders(first: 10) { nodes { id } } }');
    expect(body.extensions.cost).toEqual({ requestedQueryCost: 12, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 } });
  });
});
