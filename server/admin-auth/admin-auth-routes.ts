import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { AppError, ForbiddenError, RateLimitedError, UnauthorizedError, ValidationError } from '../../core/errors';
import { clientAddress } from '../../core/http';
import { findShopById, poolOf, type Shop } from '../../db';
import { createRateLimits } from '../../db/rate-limits';
import type { AdminAuthDeps } from './admin-auth-deps';
import { createStaffAuthenticator } from './authenticate-staff';
import { auditSafely } from './audit-safely';
import { passwordMatches } from './check-password';
import { sessionCookie } from './cookies';
import { listInstalledShops } from './list-shops';
import { createLoginRateLimiter } from './login-rate-limiter';
import { comesFromOwnOrigin } from './request-origin';
import { createSessionReader, csrfTokenMatches } from './session-reader';
import type { StaffSession } from './staff-session';

const loginBody = z.object({ password: z.string().min(1, 'is required').max(1000) });
const shopChoiceBody = z.object({ shopId: z.uuid('must be a shop id') });

function shopView(shop: Shop) {
  return { id: shop.id, domain: shop.domain, name: shop.name || shop.domain, timezone: shop.timezone, currency: shop.currency };
}

/**
 * `/api/admin/login`, `/logout`, `/session` and `/session/shop`: the standalone staff login (password from
 * config, encrypted session cookie, rate-limited), the shop picker, and who-am-I for both sign-in modes.
 */
export function adminAuthRoutes(deps: AdminAuthDeps) {
  const authenticateStaff = createStaffAuthenticator(deps);
  const sessions = createSessionReader(deps);
  const limiter = createLoginRateLimiter({
    rateLimits: deps.rateLimits ?? createRateLimits({ db: poolOf(deps.db), secret: deps.encryptionKey }),
    ...deps.loginLimit,
  });
  const now = deps.clock ?? (() => new Date());

  function setSession(req: Request, res: Response, value: string, session: StaffSession) {
    const maxAgeSeconds = (session.expiresAt.getTime() - now().getTime()) / 1000;
    res.setHeader('set-cookie', sessionCookie({ value, secure: sessions.secure(req), maxAgeSeconds }));
  }

  async function sessionBody(session: StaffSession) {
    const shop = session.shopId ? await findShopById(deps.db, session.shopId) : undefined;
    return {
      via: 'password' as const,
      actor: 'admin',
      shop: shop && shop.uninstalledAt === null ? shopView(shop) : null,
      shops: await listInstalledShops(deps.db),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  function requireOwnOrigin(req: Request) {
    if (!comesFromOwnOrigin(req, deps)) throw new ForbiddenError('Cross-site request refused', { details: { reason: 'bad_origin' } });
  }

  return (server: Server): void => {
    server.post('/api/admin/login', async (req: Request, res: Response) => {
      requireOwnOrigin(req);
      if (!sessions.sealer) throw new AppError('password_login_disabled', 'Password sign-in is off: set ADMIN_PASSWORD to use the standalone admin', { status: 403 });
      const parsed = loginBody.safeParse(req.body ?? {});
      if (!parsed.success) throw new ValidationError('password: is required', { details: { problems: [{ path: 'password', message: 'is required' }] } });
      // Counted before the password is compared, so a client over its budget learns nothing about it.
      const client = clientAddress(req, deps.trustProxy ?? false) ?? 'unknown';
      const wait = await limiter.attempt(client, now());
      if (wait > 0) throw new RateLimitedError(wait, `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`);
      if (!passwordMatches(parsed.data.password, deps.adminPassword ?? '')) {
        deps.logger.warn({ event: 'admin.login_failed' }, 'admin sign-in with a wrong password');
        throw new UnauthorizedError('Wrong password', { details: { reason: 'wrong_password' } });
      }
      await limiter.succeeded(client);
      const shops = await listInstalledShops(deps.db);
      const only = shops.length === 1 ? shops[0]?.id : undefined;
      const { value, session } = await sessions.sealer.create(only, now());
      setSession(req, res, value, session);
      deps.logger.info({ event: 'admin.login', session: session.sessionId }, 'admin signed in');
      res.send(200, await sessionBody(session));
    });

    server.post('/api/admin/logout', async (req: Request, res: Response) => {
      requireOwnOrigin(req);
      const secure = sessions.secure(req);
      res.setHeader('set-cookie', [sessionCookie({ value: '', secure, maxAgeSeconds: 0 }), sessionCookie({ value: '', secure: !secure, maxAgeSeconds: 0 })]);
      res.send(200, { signedOut: true });
    });

    server.get('/api/admin/session', async (req: Request, res: Response) => {
      if (typeof req.headers.authorization === 'string') {
        const identity = await authenticateStaff(req);
        const shop = await findShopById(deps.db, identity.shopId);
        res.send(200, { via: identity.via, actor: identity.actor, shop: shop ? shopView(shop) : null, shops: [], csrfToken: null });
        return;
      }
      const session = await sessions.read(req);
      if (!session) {
        throw new UnauthorizedError('Sign in to the storedesk admin', { details: { reason: 'no_session', passwordLogin: Boolean(sessions.sealer) } });
      }
      res.send(200, await sessionBody(session));
    });

    server.put('/api/admin/session/shop', async (req: Request, res: Response) => {
      if (typeof req.headers.authorization === 'string') {
        throw new ForbiddenError('Inside Shopify the shop comes from Shopify; it cannot be changed here', { details: { reason: 'embedded' } });
      }
      const session = await sessions.read(req);
      if (!session || !sessions.sealer) throw new UnauthorizedError('Sign in to the storedesk admin', { details: { reason: 'no_session' } });
      requireOwnOrigin(req);
      if (!csrfTokenMatches(req, session)) throw new ForbiddenError('Missing or wrong X-CSRF-Token header', { details: { reason: 'bad_csrf_token' } });
      const parsed = shopChoiceBody.safeParse(req.body ?? {});
      if (!parsed.success) throw new ValidationError('shopId: must be a shop id', { details: { problems: [{ path: 'shopId', message: 'must be a shop id' }] } });
      const shop = await findShopById(deps.db, parsed.data.shopId);
      if (!shop || shop.uninstalledAt !== null) throw new ValidationError('shopId: no installed shop has this id', { details: { problems: [{ path: 'shopId', message: 'no installed shop has this id' }] } });
      const { value, session: next } = await sessions.sealer.withShop(session, shop.id, now());
      setSession(req, res, value, next);
      await auditSafely(deps.audit, deps.logger, { shopId: shop.id, actor: 'admin', action: 'admin.shop_chosen', subject: `session:${session.sessionId}` });
      res.send(200, await sessionBody(next));
    });
  };
}
