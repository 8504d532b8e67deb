/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Request, Response, Server } from 'restify';
import { ConflictError } from '../../core/errors';
import { createMetrics } from '../../core/metrics';
import { healthRoutes } from '../health';
import { createApp } from './create-app';
import { rawBodyOf } from '../../core/http';

describe('the HTTP edge', () => {
  let server: Server;
  let base: string;
  let databaseUp = true;

  beforeAll(async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = createApp({
      logger: pino({ level: 'silent' }),
      metrics,
      maxBodyBytes: 1024,
      routes: [
        healthRoutes({
          metrics,
          probe: {
            database: async () => {
              if (!databaseUp) throw new Error('database unreachable');
            },
            jobs: () => true,
          },
        }),
        (s) => {
          s.post('/echo', async (req: Request, res: Response) => {
            res.send(200, { body: req.body, rawLength: rawBodyOf(req).length });
          });
          s.get('/conflict', async () => {
            throw new ConflictError('already there');
          });
          s.get('/boom', async () => {
            throw new Error('secret internal detail');
          });
          s.get('/db-down', async () => {
            throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          });
        },
      ],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual({ status: 'ok' });
  });

  it('answers /readyz 503 with the reason while the database is down, and 200 when it is back', async () => {
    databaseUp = false;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()) as any).toMatchObject({ status: 'not_ready', checks: { database: 'database unreachable' } });
    databaseUp = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('serves Prometheus metrics with HTTP latency by route', async () => {
    await fetch(`${base}/healthz`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/storedesk_http_request_duration_seconds_bucket\{[^}]*route="\/healthz"/);
  });

  it('gives an unknown route a 404 JSON body', async () => {
    const res = await fetch(`${base}/no/such/thing`);
    expect(res.status).toBe(404);
    expect((await res.json()) as any).toEqual({ code: 'not_found', message: 'No route for GET /no/such/thing' });
  });

  it('gives malformed JSON a 400 that says what is wrong', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.code).toBe('invalid_input');
    expect(body.message).toMatch(/Malformed JSON/);
  });

  it('gives an oversized body a 413', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).code).toBe('payload_too_large');
  });

  it('refuses text the database cannot store (a NUL, half an emoji) with a 400 that says where, and keeps whole emoji', async () => {
    const post = (raw: string, headers: Record<string, string> = {}) => fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
    for (const [raw, at] of [
      ['{"type":"message","text":"I love it \\ud83d"}', 'body.text'],
      ['{"a":{"b":["ok","x\\u0000y"]}}', 'body.a.b.1'],
      ['{"note":"\\ude00 starts badly"}', 'body.note'],
    ]) {
      const res = await post(raw!);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).message).toBe(`Text at ${at} contains a NUL character or half of an emoji (an unpaired surrogate); remove it and send again`);
    }
    const form = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=a%00b' });
    expect(form.status).toBe(400);
    const whole = await post('{"text":"I love it \\ud83d\\ude00"}');
    expect(((await whole.json()) as any).body).toEqual({ text: 'I love it 😀' });
    // Shopify's signed webhooks reach their route, which verifies the raw bytes and cleans what it keeps.
    expect((await post('{"note":"a\\u0000b"}', { 'x-shopify-hmac-sha256': 'c2lnbmVk' })).status).toBe(200);
  });

  it('keeps the raw bytes next to the parsed body', async () => {
    const raw = '{ "a" : 1 }';
    const res = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect((await res.json()) as any).toEqual({ body: { a: 1 }, rawLength: raw.length });
  });

  it('maps the AppError family to its status and code', async () => {
    const res = await fetch(`${base}/conflict`);
    expect(res.status).toBe(409);
    expect((await res.json()) as any).toEqual({ code: 'conflict', message: 'already there' });
  });

  it('hides internals of unexpected errors behind a 500', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret internal detail/);
    expect(JSON.parse(text).code).toBe('internal');
  });

  it('answers 503 when the database is unreachable', async () => {
    const res = await fetch(`${base}/db-down`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).code).toBe('unavailable');
  });

  it('echoes a well-formed request id and makes one up otherwise', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
