import type { Request } from 'restify';
import { ForbiddenError, UnauthorizedError } from '../../core/errors';
import { findShopByDomain, findShopById, type Shop } from '../../db';
import type { AdminAuthDeps } from './admin-auth-deps';
import { comesFromOwnOrigin, isUnsafeMethod } from './request-origin';
import { createSessionReader, csrfTokenMatches } from './session-reader';
import type { AuthenticateStaff, StaffIdentity } from './staff-identity';
import { verifySessionToken } from './verify-session-token';

function refuse(message: string, reason: string): ForbiddenError {
  return new ForbiddenError(message, { details: { reason } });
}

function installed(shop: Shop | undefined): shop is Shop {
  return shop !== undefined && shop.uninstalledAt === null;
}

/**
 * Builds `authenticateStaff(req)` for every `/api/admin/*` route. The shop comes only from the credential:
 * the App Bridge session token's `dest` when embedded, the session cookie's chosen shop when standalone.
 * Routes must never take a shop id from the URL, query or body.
 */
export function createStaffAuthenticator(deps: AdminAuthDeps): AuthenticateStaff {
  const sessions = createSessionReader(deps);
  const now = deps.clock ?? (() => new Date());

  async function fromSessionToken(token: string): Promise<StaffIdentity> {
    if (!deps.shopify) throw new UnauthorizedError('Embedded sign-in is not configured on this server', { details: { reason: 'embedded_not_configured' } });
    const result = await verifySessionToken(token, { ...deps.shopify, now: now() });
    if (!result.ok) throw new UnauthorizedError(`Invalid session token (${result.problem})`, { details: { reason: result.problem } });
    const shop = await findShopByDomain(deps.db, result.claims.shopDomain);
    if (!installed(shop)) throw refuse('storedesk is not installed on this shop', 'shop_not_installed');
    return { shopId: shop.id, actor: `shopify-user:${result.claims.userId}`, via: 'session-token' };
  }

  async function fromCookie(req: Request): Promise<StaffIdentity> {
    const session = await sessions.read(req);
    if (!session) throw new UnauthorizedError('Sign in to the storedesk admin', { details: { reason: 'no_session' } });
    if (isUnsafeMethod(req.method)) {
      if (!comesFromOwnOrigin(req, deps)) throw refuse('Cross-site request refused', 'bad_origin');
      if (!csrfTokenMatches(req, session)) throw refuse('Missing or wrong X-CSRF-Token header', 'bad_csrf_token');
    }
    if (!session.shopId) throw refuse('Choose a shop first', 'shop_not_chosen');
    const shop = await findShopById(deps.db, session.shopId);
    if (!installed(shop)) throw refuse('This shop is no longer installed; choose another', 'shop_not_installed');
    return { shopId: shop.id, actor: 'admin', via: 'password' };
  }

  return async (req) => {
    const authorization = req.headers.authorization;
    if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
      return fromSessionToken(authorization.replace(/^Bearer\s+/i, '').trim());
    }
    return fromCookie(req);
  };
}
