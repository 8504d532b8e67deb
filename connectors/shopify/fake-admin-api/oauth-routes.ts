import { randomBytes } from 'node:crypto';
import { oauthQueryHmac } from './oauth-hmac';
import { verifySessionToken } from './session-token';

/** An access token the fake issued. */
export interface IssuedToken {
  shop: string;
  online: boolean;
  scope: string;
  expiresAt: number | null;
}

export interface OAuthDeps {
  apiKey: string;
  apiSecret: string;
  scopes: string[];
  now: () => number;
  tokens: Map<string, IssuedToken>;
  codes: Map<string, { shop: string; online: boolean; expiresAt: number }>;
}

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ONLINE_TYPES = new Set(['urn:shopify:params:oauth:token-type:online-access-token', 'online']);
const OFFLINE_TYPES = new Set(['urn:shopify:params:oauth:token-type:offline-access-token', 'offline']);

/** Issues a token for a shop: `shpat_` offline, `shpua_` online (a day), as Shopify's prefixes go. */
export function issueToken(deps: OAuthDeps, shop: string, online: boolean): { token: string; info: IssuedToken } {
  const token = `${online ? 'shpua' : 'shpat'}_${randomBytes(16).toString('hex')}`;
  const info = { shop, online, scope: deps.scopes.join(','), expiresAt: online ? deps.now() + 86_399_000 : null };
  deps.tokens.set(token, info);
  return { token, info };
}

/** GET /admin/oauth/authorize: approves at once and redirects back with code, hmac, host, shop, state and timestamp. */
export function authorize(deps: OAuthDeps, shop: string, query: URLSearchParams): Answer {
  if (query.get('client_id') !== deps.apiKey) return { status: 400, body: 'Oauth error invalid_request: The client_id is invalid' };
  const redirect = query.get('redirect_uri');
  if (!redirect || !/^https?:\/\//.test(redirect)) return { status: 400, body: 'Oauth error invalid_request: The redirect_uri is missing or not whitelisted' };
  const code = randomBytes(16).toString('hex');
  deps.codes.set(code, { shop, online: query.getAll('grant_options[]').includes('per-user'), expiresAt: deps.now() + 60_000 });
  const params: Record<string, string> = {
    code,
    host: Buffer.from(`admin.shopify.com/store/${shop.replace('.myshopify.com', '')}`).toString('base64').replace(/=+$/, ''),
    shop,
    state: query.get('state') ?? '',
    timestamp: String(Math.floor(deps.now() / 1000)),
  };
  params.hmac = oauthQueryHmac(params, deps.apiSecret);
  const url = new URL(redirect);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() }, body: '' };
}

function tokenBody(deps: OAuthDeps, shop: string, online: boolean, userId = 42): unknown {
  const { token, info } = issueToken(deps, shop, online);
  if (!online) return { access_token: token, scope: info.scope };
  return {
    access_token: token, scope: info.scope, expires_in: 86_399, associated_user_scope: info.scope, session: randomBytes(16).toString('hex'),
    associated_user: { id: userId, first_name: 'Demo', last_name: 'Staff', email: 'staff@example.com', account_owner: true, locale: 'en', collaborator: false, email_verified: true },
  };
}

/** POST /admin/oauth/access_token: the authorization-code grant and the token-exchange grant. */
export function accessToken(deps: OAuthDeps, shop: string, body: Record<string, string>): Answer {
  if (body.client_id !== deps.apiKey || body.client_secret !== deps.apiSecret) return { status: 400, body: { error: 'invalid_client', error_description: 'Client credentials are invalid' } };
  if (body.grant_type === TOKEN_EXCHANGE) {
    if (body.subject_token_type && body.subject_token_type !== 'urn:ietf:params:oauth:token-type:id_token') return { status: 400, body: { error: 'invalid_request', error_description: 'subject_token_type must be an id_token' } };
    const online = ONLINE_TYPES.has(body.requested_token_type ?? '');
    if (!online && !OFFLINE_TYPES.has(body.requested_token_type ?? '')) return { status: 400, body: { error: 'invalid_request', error_description: 'requested_token_type is invalid' } };
    const check = verifySessionToken(body.subject_token ?? '', deps.apiKey, deps.apiSecret, Math.floor(deps.now() / 1000));
    if (!check.valid) return { status: 400, body: { error: 'invalid_subject_token', error_description: `Session token is invalid: ${check.reason}` } };
    if (check.shop !== shop) return { status: 400, body: { error: 'invalid_subject_token', error_description: 'Session token was issued for another shop' } };
    return { status: 200, body: tokenBody(deps, shop, online, Number(check.claims.sub) || 42) };
  }
  const grant = deps.codes.get(body.code ?? '');
  if (!grant || grant.shop !== shop || grant.expiresAt < deps.now()) return { status: 400, body: { error: 'invalid_request', error_description: 'The authorization code was not found or was already used' } };
  deps.codes.delete(body.code!);
  return { status: 200, body: tokenBody(deps, shop, grant.online) };
}
