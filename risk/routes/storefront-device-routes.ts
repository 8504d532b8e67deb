import type { Request, Response, Server } from 'restify';
import { clientAddress, rawBodyOf, type RouteModule } from '../../core/http';
import { createRateLimits, type RateLimitAttempt, type RateLimits } from '../../db/rate-limits';
import type { RiskService } from '../decisions';
import { deviceEventSchema, recordCheckoutDevice, recordSignupDevice } from '../storefront-devices';
import { storefrontOrigins, type StorefrontShop } from './storefront-origins';

/** The public path the storefront script and Web Pixel post to. */
export const DEVICE_EVENTS_PATH = '/api/storefront/device-events';

/** A report is a few short fields; anything bigger is not ours. */
const MAX_BODY_BYTES = 2048;

const HOUR = 3_600_000;

/** At most `max` reports per `windowMs`, per shop and IP, and per shop and device. */
export interface DeviceEventRateLimits {
  perIp: { max: number; windowMs: number };
  perDevice: { max: number; windowMs: number };
}

/** A shop's busy shared Wi-Fi stays under the IP budget; one browser never needs more than a few reports. */
export const DEFAULT_DEVICE_EVENT_RATE_LIMITS: DeviceEventRateLimits = {
  perIp: { max: 60, windowMs: HOUR / 6 },
  perDevice: { max: 10, windowMs: HOUR },
};

/** What {@link storefrontDeviceRoutes} needs. */
export interface StorefrontDeviceRoutesDeps {
  service: RiskService;
  /** The shared counters (`db/rate-limits`); made on the risk pool when absent. */
  rateLimits?: RateLimits;
  trustProxy?: boolean;
  limits?: Partial<DeviceEventRateLimits>;
}

function answer(res: Response, status: number, body: Record<string, unknown> | undefined, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'cache-control': 'no-store', vary: 'Origin', ...(body ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(body ? JSON.stringify(body) : undefined);
}

const refuse = (res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}, details?: Record<string, unknown>) =>
  answer(res, status, { code, message, ...(details ? { details } : {}) }, headers);

/**
 * Sign-ups come from the theme script, so only from the shop's storefront. Checkout reports come from the
 * Web Pixel, which Shopify runs in a sandboxed worker: its docs name no origin for the pixel's requests, and a
 * sandbox without `allow-same-origin` sends `Origin: null` (or none). A checkout report can only fill an
 * order's missing device id, never replace one, so accepting it without a storefront origin costs little.
 */
function originAllowed(type: 'signup' | 'checkout', origin: string | undefined, shop: StorefrontShop): boolean {
  if (typeof origin === 'string' && storefrontOrigins(shop).includes(origin.toLowerCase())) return true;
  return type === 'checkout' && (origin === undefined || origin === 'null');
}

/** The body as an object: beacons arrive as text/plain JSON, fetches as application/json. */
function bodyOf(req: Request): unknown {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'application/json') return undefined;
  if (Buffer.isBuffer(req.body)) {
    try {
      return JSON.parse(req.body.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : undefined;
}

/**
 * `POST /api/storefront/device-events`: the storefront script's sign-up reports and the Web Pixel's
 * checkout reports, `{ shop, deviceId, type, email? | orderId? }`. Public, so every report is validated,
 * accepted only from the shop's own storefront origin (checkout reports also from the pixel's sandbox,
 * with an opaque or no origin), and rate limited in the database per IP and per
 * device. A device id is what a browser claims: it links sightings as a risk signal and proves nothing.
 */
export function storefrontDeviceRoutes(deps: StorefrontDeviceRoutesDeps): RouteModule {
  const riskDeps = deps.service.deps;
  const limits: DeviceEventRateLimits = { ...DEFAULT_DEVICE_EVENT_RATE_LIMITS, ...deps.limits };
  const counters = deps.rateLimits ?? createRateLimits({ db: riskDeps.db, secret: riskDeps.appealLinkKey });
  const findShop = async (domain: string): Promise<StorefrontShop | undefined> => {
    const { rows } = await riskDeps.db.query<StorefrontShop>({ text: 'SELECT id, domain, settings FROM shops WHERE domain = $1 AND uninstalled_at IS NULL', values: [domain.toLowerCase()] });
    return rows[0];
  };

  return (server: Server): void => {
    // Beacons (text/plain) need no preflight; a fetch with JSON does. The POST itself checks the shop's origins.
    server.opts(DEVICE_EVENTS_PATH, async (req: Request, res: Response) => {
      const origin = req.headers.origin;
      if (typeof origin !== 'string' || !origin.startsWith('https://')) return answer(res, 204, undefined);
      answer(res, 204, undefined, { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
    });

    server.post(DEVICE_EVENTS_PATH, async (req: Request, res: Response) => {
      if (rawBodyOf(req).length > MAX_BODY_BYTES) return refuse(res, 413, 'payload_too_large', `A device event is at most ${MAX_BODY_BYTES} bytes.`);
      const body = bodyOf(req);
      if (body === undefined) return refuse(res, 400, 'invalid_body', 'Send one JSON object, as application/json or text/plain.');
      const parsed = deviceEventSchema.safeParse(body);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
        return refuse(res, 400, 'invalid_device_event', `The device event is not valid: ${problems.join('; ')}`);
      }
      const event = parsed.data;
      const shop = await findShop(event.shop);
      if (!shop) return refuse(res, 404, 'unknown_shop', 'No installed shop has that domain.');
      const origin = req.headers.origin;
      if (!originAllowed(event.type, origin, shop)) {
        return refuse(res, 403, 'origin_not_allowed', "Device events are accepted only from the shop's own storefront.");
      }
      const cors: Record<string, string> = typeof origin === 'string' ? { 'access-control-allow-origin': origin } : {};
      const attempts: RateLimitAttempt[] = [
        { limit: { scope: 'storefront-device.ip', ...limits.perIp }, subject: `${shop.id}|${clientAddress(req, deps.trustProxy ?? false) ?? 'unknown'}` },
        { limit: { scope: 'storefront-device.device', ...limits.perDevice }, subject: `${shop.id}|${event.deviceId}` },
      ];
      const decision = await counters.take(attempts, riskDeps.clock.now());
      if (!decision.allowed) {
        return refuse(res, 429, 'rate_limited', 'Too many device events; please wait before sending more.', { ...cors, 'retry-after': String(decision.retryAfterSeconds) }, { retryAfter: decision.retryAfterSeconds });
      }
      const stored =
        event.type === 'signup'
          ? await recordSignupDevice(riskDeps, shop.id, { deviceId: event.deviceId, email: event.email })
          : await recordCheckoutDevice(riskDeps.db, shop.id, { deviceId: event.deviceId, orderId: event.orderId });
      answer(res, 202, { accepted: true, stored }, cors);
    });
  };
}
