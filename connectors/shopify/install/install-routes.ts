import type { Shopify } from '@shopify/shopify-api';
import type { Request, Response, Server } from 'restify';
import { UnauthorizedError, ValidationError } from '../../../core/errors';
import { normalizeShopDomain } from '../app';
import { completeInstall, installWithSessionToken, type InstallDeps } from './install-shop';

/**
 * The two ways a shop installs storedesk:
 * - OAuth (`/auth` -> Shopify -> `/auth/callback`) for installs outside the embedded admin;
 * - token exchange (`POST /auth/token-exchange`), where the embedded app trades its App Bridge session
 *   token for an offline token without a redirect.
 */
export function installRoutes(deps: InstallDeps & { shopify: Shopify }) {
  return (server: Server): void => {
    server.get('/auth', async (req: Request, res: Response) => {
      const shop = normalizeShopDomain(String(req.query?.shop ?? ''));
      if (!shop) throw new ValidationError('Give the shop as ?shop=your-store.myshopify.com');
      await deps.shopify.auth.begin({ shop, callbackPath: '/auth/callback', isOnline: false, rawRequest: req, rawResponse: res });
    });

    server.get('/auth/callback', async (req: Request, res: Response) => {
      let session;
      try {
        ({ session } = await deps.shopify.auth.callback({ rawRequest: req, rawResponse: res }));
      } catch (error) {
        throw new UnauthorizedError(`The install could not be verified: ${(error as Error).message}`);
      }
      await completeInstall(deps, session);
      const host = typeof req.query?.host === 'string' ? req.query.host : undefined;
      const target = host ? await deps.shopify.auth.getEmbeddedAppUrl({ rawRequest: req, rawResponse: res }) : `/admin?shop=${encodeURIComponent(session.shop)}`;
      res.redirect(302, target, () => undefined);
    });

    server.post('/auth/token-exchange', async (req: Request, res: Response) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedError('Send the App Bridge session token as a Bearer token');
      const { shop } = await installWithSessionToken(deps, token);
      res.send(200, { shop, installed: true });
    });
  };
}
