import type { Request, Response, Server } from 'restify';
import { isAppError } from '../../core/errors';
import { clientAddress, type RouteModule } from '../../core/http';
import { createRateLimits, type RateLimitAttempt, type RateLimits } from '../../db/rate-limits';
import { appealStatus, fileAppeal, normaliseAppealReference } from '../appeals';
import type { RiskService } from '../decisions';
import { appealFormPage, appealNotFoundPage, appealRateLimitedPage, appealStatusPage } from './appeal-page-html';
import { DEFAULT_APPEAL_RATE_LIMITS, filingLimits, lookupLimits, type AppealRateLimits } from './appeal-rate-limits';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sendHtml(res: Response, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers });
  res.end(html);
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A client that asked for JSON (a script, the widget) gets JSON; a browser gets a page. */
function wantsJson(req: Request): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** What {@link publicAppealRoutes} needs. */
export interface PublicAppealRoutesDeps {
  service: RiskService;
  /** Take the client's IP from X-Forwarded-For (set only behind a reverse proxy you run). */
  trustProxy?: boolean;
  limits?: Partial<AppealRateLimits>;
  /** The shared counters (`db/rate-limits`); made on the risk pool, keyed from the appeal link key, when absent. */
  rateLimits?: RateLimits;
}

/**
 * The buyer's appeal form and status page, server-rendered with no remote assets:
 * `GET /appeal?shop=…&subject=…` (form), `POST /appeal` (file), `GET /appeal?shop=…&ref=…` (status).
 * Filing and look-ups are rate limited in the database (per IP, and per identifier or reference),
 * so every web process shares one budget; over it, a 429 with Retry-After.
 */
export function publicAppealRoutes(deps: PublicAppealRoutesDeps): RouteModule {
  const { db, clock } = deps.service.deps;
  const limits: AppealRateLimits = { ...DEFAULT_APPEAL_RATE_LIMITS, ...deps.limits };
  const counters = deps.rateLimits ?? createRateLimits({ db, secret: deps.service.deps.appealLinkKey });
  const ipOf = (req: Request) => clientAddress(req, deps.trustProxy ?? false);
  const findShop = async (domain: string | undefined) => {
    if (!domain) return undefined;
    const { rows } = await db.query<{ id: string; name: string; domain: string }>({ text: 'SELECT id, name, domain FROM shops WHERE domain = $1 AND uninstalled_at IS NULL', values: [domain.toLowerCase()] });
    return rows[0] ? { ...rows[0], name: rows[0].name || rows[0].domain } : undefined;
  };
  /** True when the attempt was refused (and answered here). */
  const refused = async (req: Request, res: Response, attempt: RateLimitAttempt[]): Promise<boolean> => {
    const decision = await counters.take(attempt, clock.now());
    if (decision.allowed) return false;
    const retryAfter = String(decision.retryAfterSeconds);
    const message = 'Too many appeal attempts; please wait before trying again.';
    if (wantsJson(req)) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter, 'cache-control': 'no-store' });
      res.end(JSON.stringify({ code: 'rate_limited', message, details: { retryAfter: decision.retryAfterSeconds } }));
    } else sendHtml(res, 429, appealRateLimitedPage(decision.retryAfterSeconds), { 'retry-after': retryAfter });
    return true;
  };

  return (server: Server): void => {
    server.get('/appeal', async (req: Request, res: Response) => {
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const shop = await findShop(params.get('shop') ?? undefined);
      if (!shop) return sendHtml(res, 404, appealNotFoundPage());
      const rawRef = params.get('ref');
      if (rawRef !== null) {
        const reference = normaliseAppealReference(rawRef);
        if (await refused(req, res, lookupLimits(limits, { shopId: shop.id, ip: ipOf(req), reference }))) return;
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
      const subject = { email: field(body, 'email'), phone: field(body, 'phone') };
      const attempt = filingLimits(deps.service.deps, limits, { shopId: shop.id, ip: ipOf(req), subjectToken, subject });
      if (await refused(req, res, attempt)) return;
      const again = (error: string) => sendHtml(res, 400, appealFormPage({ shop: shop.domain, shopName: shop.name, subject: subjectToken, statement, contact, error }));
      if (!subjectToken && !subject.email && !subject.phone) return again('Please give the email or phone number you used with the shop, so we can find the decision.');
      try {
        const filed = await fileAppeal(deps.service.deps, shop.id, { channel: 'web', statement, contact, subjectToken, subject });
        res.writeHead(303, { location: `/appeal?shop=${encodeURIComponent(shop.domain)}&ref=${filed.reference}&filed=1` });
        res.end();
      } catch (error) {
        if (isAppError(error) && error.status === 400) return again(error.message.replace(/^The appeal is not valid: /, 'Please check your appeal: '));
        throw error;
      }
    });
  };
}
