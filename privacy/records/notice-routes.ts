import type { Clock } from '../../core/clock';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import { findShopByDomain, type Db } from '../../db';
import { renderPrivacyNotice } from './generate-records';

const DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** `GET /privacy/notice?shop=DOMAIN`: the public privacy notice as HTML, which the bot links buyers to. */
export function privacyNoticeRoutes(deps: { db: Db; clock?: Clock }): RouteModule {
  return (server) => {
    server.get('/privacy/notice', async (req, res) => {
      const domain = (new URL(req.url ?? '/', 'http://localhost').searchParams.get('shop') ?? '').trim().toLowerCase();
      if (!DOMAIN.test(domain)) throw new ValidationError('Give the shop as ?shop=your-store.myshopify.com');
      const shop = await findShopByDomain(deps.db, domain);
      if (!shop || shop.uninstalledAt) throw new NotFoundError('No privacy notice for this shop');
      const notice = await renderPrivacyNotice(deps, shop.id);
      const body = Buffer.from(notice.html, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    });
  };
}
