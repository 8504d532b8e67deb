import type { Request, Response, Server } from 'restify';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { Logger } from '../../core/logging';
import { findShopById, parseShopSettingsPatch, readShopSettings, updateShopSettings, type Db, type Shop } from '../../db';
import { auditSafely, type AuditSink, type AuthenticateStaff } from '../admin-auth';
import { readStoreOverview } from './read-store-overview';

/** What the shell's own API needs. */
export interface AdminApiDeps {
  db: Db;
  logger: Logger;
  /** From `createStaffAuthenticator`; every route calls it first. */
  authenticateStaff: AuthenticateStaff;
  audit?: AuditSink;
  clock?: () => Date;
}

function settingsBody(shop: Shop) {
  return { settings: readShopSettings(shop), timezone: shop.timezone };
}

/**
 * `GET /api/admin/overview`, `GET /api/admin/settings`, `PUT /api/admin/settings`. The shop is the
 * authenticated one; no route reads a shop id from the request.
 */
export function adminApiRoutes(deps: AdminApiDeps) {
  const now = deps.clock ?? (() => new Date());

  async function shopOf(req: Request) {
    const identity = await deps.authenticateStaff(req);
    const shop = await findShopById(deps.db, identity.shopId);
    if (!shop) throw new NotFoundError('Shop not found');
    return { identity, shop };
  }

  return (server: Server): void => {
    server.get('/api/admin/overview', async (req: Request, res: Response) => {
      const { shop } = await shopOf(req);
      res.setHeader('cache-control', 'no-store');
      res.send(200, await readStoreOverview(deps.db, shop, now()));
    });

    server.get('/api/admin/settings', async (req: Request, res: Response) => {
      const { shop } = await shopOf(req);
      res.setHeader('cache-control', 'no-store');
      res.send(200, settingsBody(shop));
    });

    server.put('/api/admin/settings', async (req: Request, res: Response) => {
      const { identity, shop } = await shopOf(req);
      const body = req.body;
      if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
        throw new ValidationError('Send the settings as a JSON object', { details: { problems: [{ path: '(body)', message: 'must be a JSON object' }] } });
      }
      const result = parseShopSettingsPatch(body);
      if (!result.ok) {
        const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
        throw new ValidationError(`The settings were not saved: ${list}`, { details: { problems: result.problems } });
      }
      const stored = await updateShopSettings(deps.db, shop.id, result.patch);
      await auditSafely(deps.audit, deps.logger, {
        shopId: shop.id,
        actor: identity.actor,
        action: 'admin.settings_changed',
        subject: 'shop-settings',
        detail: { fields: Object.keys(result.patch) },
      });
      res.send(200, settingsBody({ ...shop, settings: stored }));
    });
  };
}
