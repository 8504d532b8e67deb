import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/** What the session cookie of the standalone admin holds. */
export interface StaffSession {
  /** A random id per login, for audit lines. */
  sessionId: string;
  /** The shop the staff member picked; absent until they pick one. */
  shopId?: string;
  /** Echoed by the UI in `X-CSRF-Token` on unsafe methods. */
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Seals and opens session cookies as encrypted JWTs (A256GCM). Stateless, so sessions survive restarts
 * and work across processes. The key is derived from the encryption key and the admin password, so
 * changing the password signs every session out.
 */
export interface StaffSessionSealer {
  create(shopId: string | undefined, now: Date): Promise<{ value: string; session: StaffSession }>;
  withShop(session: StaffSession, shopId: string, now: Date): Promise<{ value: string; session: StaffSession }>;
  open(value: string, now: Date): Promise<StaffSession | undefined>;
}

/** Builds the sealer; `ttlSeconds` is the session lifetime from login (default 12 hours). */
export function createStaffSessionSealer(options: { encryptionKey: string; adminPassword: string; ttlSeconds?: number }): StaffSessionSealer {
  const ttl = options.ttlSeconds ?? 12 * 3600;
  const passwordFingerprint = createHash('sha256').update(options.adminPassword).digest();
  const key = new Uint8Array(hkdfSync('sha256', Buffer.from(options.encryptionKey, 'hex'), passwordFingerprint, 'storedesk admin session v1', 32));
  const issuer = 'storedesk-admin';

  async function seal(session: StaffSession, now: Date): Promise<string> {
    return new EncryptJWT({ sid: session.sessionId, shop: session.shopId, csrf: session.csrfToken })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuer(issuer)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(session.expiresAt.getTime() / 1000))
      .encrypt(key);
  }

  return {
    async create(shopId, now) {
      const session: StaffSession = {
        sessionId: randomBytes(12).toString('base64url'),
        shopId,
        csrfToken: randomBytes(24).toString('base64url'),
        expiresAt: new Date(now.getTime() + ttl * 1000),
      };
      return { value: await seal(session, now), session };
    },
    async withShop(session, shopId, now) {
      const next = { ...session, shopId };
      return { value: await seal(next, now), session: next };
    },
    async open(value, now) {
      try {
        const { payload } = await jwtDecrypt(value, key, { issuer, currentDate: now, requiredClaims: ['exp', 'sid', 'csrf'] });
        return {
          sessionId: String(payload.sid),
          shopId: typeof payload.shop === 'string' ? payload.shop : undefined,
          csrfToken: String(payload.csrf),
          expiresAt: new Date((payload.exp as number) * 1000),
        };
      } catch {
        return undefined;
      }
    },
  };
}
