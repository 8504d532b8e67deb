/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON answers are read loosely here; the fake's own code stays typed */
import { createHmac } from 'node:crypto';
import { oauthQueryHmac } from '.';
import { API_KEY, API_SECRET, startSmallFake, startWebhookSink } from './test-helpers';

type Fake = Awaited<ReturnType<typeof startSmallFake>>;
let fake: Fake;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
beforeEach(async () => {
  sink = await startWebhookSink();
  fake = await startSmallFake({ webhookTarget: sink.url });
});
afterEach(async () => {
  await fake.close();
  await sink.close();
});

const shopUrl = (path: string) => `${fake.url}/shops/${fake.shop}${path}`;
const post = (path: string, body: object) => fetch(shopUrl(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const canRead = async (token: string) => (await fake.gql('{ shop { name } }', {}, token)).status === 200;

describe('fake Admin API auth', () => {
  it('runs the OAuth code flow: signed redirect, then a working offline token', async () => {
    const res = await fetch(shopUrl(`/admin/oauth/authorize?client_id=${API_KEY}&scope=read_orders&redirect_uri=${encodeURIComponent('https://app.example/auth/callback')}&state=nonce-1`), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    const params = Object.fromEntries(back.searchParams);
    expect(params).toMatchObject({ shop: fake.shop, state: 'nonce-1', code: expect.any(String), host: expect.any(String), timestamp: expect.any(String) });
    expect(params.hmac).toBe(oauthQueryHmac(params, API_SECRET));
    const wrongSecret = await post('/admin/oauth/access_token', { client_id: API_KEY, client_secret: 'nope', code: params.code });
    expect(wrongSecret.status).toBe(400);
    const ok = await post('/admin/oauth/access_token', { client_id: API_KEY, client_secret: API_SECRET, code: params.code });
    const body = (await ok.json()) as { access_token: string; scope: string };
    expect(body.access_token).toMatch(/^shpat_/);
    expect(await canRead(body.access_token)).toBe(true);
    const reused = await post('/admin/oauth/access_token', { client_id: API_KEY, client_secret: API_SECRET, code: params.code });
    expect(reused.status).toBe(400);
  });

  it.each([
    ['offline', 'urn:shopify:params:oauth:token-type:offline-access-token', /^shpat_/],
    ['online', 'urn:shopify:params:oauth:token-type:online-access-token', /^shpua_/],
  ])('exchanges a session token for an %s token', async (_n, requested, prefix) => {
    const res = await post('/admin/oauth/access_token', {
      client_id: API_KEY, client_secret: API_SECRET, grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: fake.mintSessionToken(), subject_token_type: 'urn:ietf:params:oauth:token-type:id_token', requested_token_type: requested,
    });
    const body = (await res.json()) as { access_token: string };
    expect(res.status).toBe(200);
    expect(body.access_token).toMatch(prefix);
    expect(await canRead(body.access_token)).toBe(true);
  });

  it('refuses a session token signed with another secret', async () => {
    const [h, p] = fake.mintSessionToken().split('.');
    const forged = `${h}.${p}.${createHmac('sha256', 'other').update(`${h}.${p}`).digest('base64url')}`;
    const res = await post('/admin/oauth/access_token', { client_id: API_KEY, client_secret: API_SECRET, grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: forged, requested_token_type: 'offline' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_subject_token');
  });

  it('routes by X-Shop-Domain header as well as by path', async () => {
    const res = await fetch(`${fake.url}/admin/api/2025-10/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shop-domain': fake.shop, 'x-shopify-access-token': fake.issueAccessToken() }, body: JSON.stringify({ query: '{ shop { myshopifyDomain } }' }) });
    expect(((await res.json()) as any).data.shop.myshopifyDomain).toBe(fake.shop);
    const viaFetch = await fake.fetch(`https://${fake.shop}/admin/api/2025-10/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': fake.issueAccessToken() }, body: JSON.stringify({ query: '{ shop { name } }' }) });
    expect(viaFetch.status).toBe(200);
  });
});

describe('fake Admin API webhooks', () => {
  it('signs deliveries with the app secret and sends Shopify headers', async () => {
    const order = await fake.createOrder({ note: 'new' });
    const got = sink.received[0]!;
    expect(got.headers['x-shopify-topic']).toBe('orders/create');
    expect(got.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', API_SECRET).update(got.body).digest('base64'));
    expect(got.headers).toMatchObject({ 'x-shopify-shop-domain': fake.shop, 'x-shopify-api-version': '2025-10' });
    for (const h of ['x-shopify-webhook-id', 'x-shopify-event-id', 'x-shopify-triggered-at']) expect(got.headers[h]).toBeTruthy();
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({ id: Number(order.legacyResourceId), admin_graphql_api_id: order.id, note: 'new' });
    const { body } = await fake.gql('query($id: ID!) { order(id: $id) { note } }', { id: order.id });
    expect(body.data.order.note).toBe('new');
  });

  it('re-delivers the same webhook id and body, as Shopify retries do', async () => {
    const c = await fake.createCustomer({ email: 'new.buyer@example.com', firstName: 'New' });
    await fake.updateCustomer(c.id, { tags: ['vip'] });
    const first = fake.webhookDeliveries()[1]!;
    await fake.redeliverWebhook(first.webhookId);
    expect(sink.received.map((r) => r.headers['x-shopify-topic'])).toEqual(['customers/create', 'customers/update', 'customers/update']);
    expect(sink.received[2]!.headers['x-shopify-webhook-id']).toBe(sink.received[1]!.headers['x-shopify-webhook-id']);
    expect(sink.received[2]!.body).toBe(sink.received[1]!.body);
    expect(JSON.parse(sink.received[1]!.body).tags).toBe('vip');
  });
});
