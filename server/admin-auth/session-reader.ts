import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import type { AdminAuthDeps } from './admin-auth-deps';
import { readCookie, sessionCookieName } from './cookies';
import { isSecureRequest } from './request-origin';
import { createStaffSessionSealer, type StaffSession, type StaffSessionSealer } from './staff-session';

/** Reads the standalone admin's session cookie; shared by the authenticator and the login routes. */
export interface SessionReader {
  /** `undefined` when password sign-in is off. */
  sealer: StaffSessionSealer | undefined;
  read(req: Request): Promise<StaffSession | undefined>;
  secure(req: Request): boolean;
}

/** Builds a {@link SessionReader} from the admin auth deps. */
export function createSessionReader(deps: AdminAuthDeps): SessionReader {
  const sealer = deps.adminPassword
    ? createStaffSessionSealer({ encryptionKey: deps.encryptionKey, adminPassword: deps.adminPassword, ttlSeconds: deps.sessionTtlSeconds })
    : undefined;
  const now = deps.clock ?? (() => new Date());
  return {
    sealer,
    secure: (req) => isSecureRequest(req, deps),
    async read(req) {
      if (!sealer) return undefined;
      // Either name: a session made over http stays readable if the proxy later starts saying https.
      const value = readCookie(req, sessionCookieName(true)) ?? readCookie(req, sessionCookieName(false));
      return value ? sealer.open(value, now()) : undefined;
    },
  };
}

/** Compares the `X-CSRF-Token` header with the session's token in constant time. */
export function csrfTokenMatches(req: Request, session: StaffSession): boolean {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
