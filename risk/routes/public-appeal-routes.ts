import type { Request, Response, Server } from 'restify';
import { isAppError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import { appealStatus, fileAppeal, normaliseAppealReference } from '../appeals';
import type { RiskService } from '../decisions';
import { appealFormPage, appealNotFoundPage, appealStatusPage } from './appeal-page-html';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sendHtml(res: Response, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(html);
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The buyer's appeal form and status page, server-rendered with no remote assets:
 * `GET /appeal?shop=…&subject=…` (form), `POST /appeal` (file), `GET /appeal?shop=…&ref=…` (status).
 */
export function publicAppealRoutes(deps: { service: RiskService }): RouteModule {
  const { db } = deps.service.deps;
  const findShop = async (domain: string | undefined) => {
    if (!domain) return undefined;
    const { rows } = await db.query<{ id: string; name: string; domain: string }>({ text: 'SELECT id, name, domain FROM shops WHERE domain = $1 AND uninstalled_at IS NULL', values: [domain.toLowerCase()] });
    return rows[0] ? { ...rows[0], name: rows[0].name || rows[0].domain } : undefined;
  };

  return (server: Server): void => {
    server.get('/appeal', async (req: Request, res: Response) => {
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const shop = await findShop(params.get('shop') ?? undefined);
      if (!shop) return sendHtml(res, 404, appealNotFoundPage());
      const rawRef = params.get('ref');
      if (rawRef !== null) {
        const reference = normaliseAppealReference(rawRef);
        const status = reference ? await appealStatus(db, shop.domain, reference) : undefined;
        if (!status) return sendHtml(res, 404, appealNotFoundPage());
        return sendHtml(res, 200, appealStatusPage({ shopName: shop.name, status, justFiled: params.get('filed') === '1' }));
      }
      sendHtml(res, 200, appealFormPage({ shop: shop.domain, shopName: shop.name, subject: params.get('subject') ?? undefined }));
    });

    server.post('/appeal', async (req: Request, res: Response) => {
      const body = (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) as Record<string, unknown>;
      const shop = await findShop(field(body, 'shop'));
      if (!shop) return sendHtml(res, 404, appealNotFoundPage());
      const statement = field(body, 'statement') ?? '';
      const contact = field(body, 'contact');
      const subjectToken = field(body, 'subject');
      const email = field(body, 'email');
      const phone = field(body, 'phone');
      const again = (error: string) => sendHtml(res, 400, appealFormPage({ shop: shop.domain, shopName: shop.name, subject: subjectToken, statement, contact, error }));
      if (!subjectToken && !email && !phone) return again('Please give the email or phone number you used with the shop, so we can find the decision.');
      try {
        const filed = await fileAppeal(deps.service.deps, shop.id, { channel: 'web', statement, contact, subjectToken, subject: { email, phone } });
        res.writeHead(303, { location: `/appeal?shop=${encodeURIComponent(shop.domain)}&ref=${filed.reference}&filed=1` });
        res.end();
      } catch (error) {
        if (isAppError(error) && error.status === 400) return again(error.message.replace(/^The appeal is not valid: /, 'Please check your appeal: '));
        throw error;
      }
    });
  };
}
