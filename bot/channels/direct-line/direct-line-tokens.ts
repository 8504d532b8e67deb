import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';

/** What a Direct Line token grants: one conversation of one shop, for one user. */
export interface DirectLineGrant {
  conversationId: string;
  userId: string;
  shopId: string;
}

/** A freshly signed token and its lifetime in seconds (Direct Line's `expires_in`). */
export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/** The outcome of checking a token: a grant, or why it was refused. */
export type TokenCheck = { valid: true; grant: DirectLineGrant } | { valid: false; reason: 'missing' | 'malformed' | 'expired' | 'invalid' };

/** Signs and checks per-conversation tokens. */
export interface DirectLineTokens {
  issue(grant: DirectLineGrant): Promise<IssuedToken>;
  verify(token: string | undefined): Promise<TokenCheck>;
}

/** Options for {@link createDirectLineTokens}. */
export interface DirectLineTokenOptions {
  /** The installation's ENCRYPTION_KEY (64 hex); the signing key is derived from it, never the key itself. */
  encryptionKey: string;
  /** Token lifetime; 1 hour unless set (Web Chat refreshes every 15 minutes). */
  ttlSeconds?: number;
  clock?: Clock;
}

const ISSUER = 'storedesk';
const AUDIENCE = 'storedesk:directline';
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** HS256 JWTs (jose) with claims `conv`, `user`, `shop`; Web Chat reads `user` to pick the user id. */
export function createDirectLineTokens(options: DirectLineTokenOptions): DirectLineTokens {
  const master = Buffer.from(options.encryptionKey, 'hex');
  if (master.length !== 32) throw new Error('The Direct Line signing key needs a 32-byte encryption key (64 hex characters)');
  const key = new Uint8Array(hkdfSync('sha256', master, Buffer.alloc(0), 'storedesk direct-line token v1', 32));
  const ttl = options.ttlSeconds ?? 3600;
  const clock = options.clock ?? systemClock;
  return {
    async issue(grant) {
      const now = Math.floor(clock.now().getTime() / 1000);
      const token = await new SignJWT({ conv: grant.conversationId, user: grant.userId, shop: grant.shopId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setNotBefore(now - 5)
        .setExpirationTime(now + ttl)
        .sign(key);
      return { token, expiresIn: ttl };
    },
    async verify(token) {
      if (!token) return { valid: false, reason: 'missing' };
      if (token.length > 4096 || !JWT_SHAPE.test(token)) return { valid: false, reason: 'malformed' };
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: clock.now() });
        const { conv, user, shop } = payload as Record<string, unknown>;
        if (typeof conv !== 'string' || typeof user !== 'string' || typeof shop !== 'string') return { valid: false, reason: 'invalid' };
        return { valid: true, grant: { conversationId: conv, userId: user, shopId: shop } };
      } catch (error) {
        return { valid: false, reason: (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
      }
    },
  };
}
