import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { adminSchema } from './admin-schema';
import { startBulkOperation } from './bulk-operation';
import type { ExecContext } from './exec-context';
import { handleGraphql } from './graphql-handler';
import { parseBody, readBody, routeShop, send } from './http-util';
import { accessToken, authorize, type IssuedToken, type OAuthDeps } from './oauth-routes';
import type { ShopState } from './shop-state';
import type { FakeAdminApiOptions } from './types';
import type { WebhookSender } from './webhook-sender';

/** Fault injection: the next `times` GraphQL requests answer `status`. */
export interface Fault {
  status: number;
  times: number;
  body?: unknown;
}

/** The server core shared with the handle's helpers. */
export interface FakeCore {
  states: Map<string, ShopState>;
  oauth: OAuthDeps;
  faults: Fault[];
  sender: WebhookSender;
  emit: (shop: string, topic: string, record: unknown) => void;
}

const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;
const BAD_TOKEN = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

/** Creates the HTTP server; {@link startFakeAdminApi} wraps it in a handle. */
export async function listen(options: FakeAdminApiOptions, core: FakeCore) {
  const now = options.now ?? Date.now;
  const schema = adminSchema();
  const ownsDir = !options.bulkDir;
  const dir = options.bulkDir ?? (await mkdtemp(join(tmpdir(), 'fake-shopify-bulk-')));
  let baseUrl = '';

  const live = (token: string | undefined, shop: string): IssuedToken | null => {
    const t = token ? core.oauth.tokens.get(token) : undefined;
    return t && t.shop === shop && (t.expiresAt === null || t.expiresAt > now()) ? t : null;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (url.pathname.startsWith('/bulk/') && req.method === 'GET') {
      const file = join(dir, basename(decodeURIComponent(url.pathname.slice(6))));
      const stream = createReadStream(file);
      stream.on('error', () => send(res, 404, { errors: 'Not Found' }));
      stream.on('open', () => {
        res.writeHead(200, { 'content-type': 'application/jsonl' });
        stream.pipe(res);
      });
      return;
    }
    const { shop, path } = routeShop(req, url);
    const state = shop ? core.states.get(shop) : undefined;
    if (!shop || !state) return send(res, 404, { errors: 'Not Found' });
    if (path === '/admin/oauth/authorize' && req.method === 'GET') {
      const a = authorize(core.oauth, shop, url.searchParams);
      return send(res, a.status, a.body ?? '', a.headers);
    }
    const raw = req.method === 'POST' ? await readBody(req) : '';
    if (path === '/admin/oauth/access_token' && req.method === 'POST') {
      const body = parseBody(raw, req.headers['content-type']);
      if (!body) return send(res, 400, { error: 'invalid_request', error_description: 'Body must be JSON or form-encoded' });
      const a = accessToken(core.oauth, shop, body as Record<string, string>);
      return send(res, a.status, a.body);
    }
    const version = GRAPHQL_PATH.exec(path)?.[1];
    if (!version || req.method !== 'POST') return send(res, 404, { errors: 'Not Found' });
    const fault = core.faults[0];
    if (fault) {
      if (--fault.times <= 0) core.faults.shift();
      return send(res, fault.status, fault.body ?? { errors: 'Internal Server Error' });
    }
    const token = req.headers['x-shopify-access-token'];
    if (!live(typeof token === 'string' ? token : undefined, shop)) return send(res, 401, BAD_TOKEN);
    const ctx: ExecContext = {
      state, apiKey: options.apiKey, baseUrl, now, searchWarnings: [],
      emit: (topic, record) => core.emit(shop, topic, record),
      startBulk: (query) =>
        startBulkOperation(ctx, { schema, dir, minRunMs: options.bulkMinRunMs ?? 50, onFinish: (op) => core.emit(shop, 'bulk_operations/finish', op) }, query),
    };
    const answer = await handleGraphql(schema, ctx, parseBody(raw, 'application/json'), options.maxSingleQueryCost ?? 1000);
    send(res, answer.status, answer.body, { 'x-shopify-api-version': version, 'x-request-id': crypto.randomUUID() });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { errors: 'Internal Server Error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    baseUrl,
    port: address.port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
