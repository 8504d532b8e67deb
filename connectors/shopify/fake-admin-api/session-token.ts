import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

/** Claims of an App Bridge session token (ID token). */
export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
  sig?: string;
}

/**
 * Mints an App Bridge session token for `shop` as Shopify does: HS256 with the app secret,
 * iss `https://{shop}/admin`, dest `https://{shop}`, aud the API key, one minute of validity.
 * (node:crypto rather than jose: jose 6 is ESM-only and does not load under this repo's jest setup.)
 */
export function mintSessionToken(options: { shop: string; apiKey: string; apiSecret: string; userId?: string | number; nowSeconds?: number; ttlSeconds?: number; overrides?: Partial<SessionTokenClaims> }): string {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const claims: SessionTokenClaims = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: String(options.userId ?? 42),
    exp: now + (options.ttlSeconds ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID().replace(/-/g, ''),
    ...options.overrides,
  };
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', options.apiSecret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Verifies a session token; a bad one is a value, not an exception. */
export function verifySessionToken(token: string, apiKey: string, apiSecret: string, nowSeconds = Math.floor(Date.now() / 1000)): { valid: true; claims: SessionTokenClaims; shop: string } | { valid: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { valid: false, reason: 'malformed' };
  const [head, body, sig] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: SessionTokenClaims;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionTokenClaims;
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (header.alg !== 'HS256') return { valid: false, reason: 'unsupported alg' };
  const expected = createHmac('sha256', apiSecret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'bad signature' };
  if (claims.aud !== apiKey) return { valid: false, reason: 'wrong audience' };
  if (typeof claims.exp !== 'number' || claims.exp < nowSeconds - 5) return { valid: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + 5) return { valid: false, reason: 'not yet valid' };
  const shop = /^https:\/\/([a-z0-9-]+\.myshopify\.com)$/.exec(claims.dest ?? '')?.[1];
  if (!shop || claims.iss !== `https://${shop}/admin`) return { valid: false, reason: 'bad dest or iss' };
  return { valid: true, claims, shop };
}
