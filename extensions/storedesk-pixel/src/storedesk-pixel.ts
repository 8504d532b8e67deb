/**
 * The storedesk Web Pixel. On `checkout_completed` it reports the storefront device id with the order id to
 * `POST {appUrl}/api/storefront/device-events`, so an order placed without the cart attribute (an express or
 * buy-now checkout) still links to its device. It never sends the buyer's email, name or address.
 *
 * No imports: `index.js` hands this function to Shopify's `register`, and the tests call it with stand-ins
 * for Shopify's runtime objects.
 */

/** The cookie the storedesk-device app embed keeps (extensions/storedesk-device). */
export const DEVICE_COOKIE = 'storedesk_device_id';

/** Same shape the endpoint accepts (risk/storefront-devices DEVICE_ID_PATTERN). */
const DEVICE_ID = /^[\w-]{8,64}$/;

const DEVICE_EVENTS_PATH = '/api/storefront/device-events';

/** The part of a `checkout_completed` event the pixel reads. */
export interface CheckoutCompletedEvent {
  data?: { checkout?: { order?: { id?: string | number | null } | null } | null };
}

/** The part of Shopify's Web Pixel API (`register((api) => ...)`) the pixel uses. */
export interface PixelApi {
  analytics: { subscribe(name: 'checkout_completed', handler: (event: CheckoutCompletedEvent) => unknown): unknown };
  browser: {
    cookie: { get(name: string): Promise<string | undefined | null> };
    /** Runs in the top frame, so the report carries the storefront's origin. */
    sendBeacon?(url: string, body?: string): Promise<boolean>;
  };
  init: { data?: { shop?: { myshopifyDomain?: string } } };
  settings: { appUrl?: string };
}

/** The report the pixel sends: nothing but ids. */
export interface CheckoutReport {
  shop: string;
  deviceId: string;
  type: 'checkout';
  orderId: number;
}

type Fetch = (url: string, init: { method: string; body: string; keepalive: boolean; headers: Record<string, string>; credentials: 'omit' }) => Promise<unknown>;

/** The endpoint from the pixel's `appUrl` setting, or undefined when the setting is not an http(s) URL. */
export function reportUrl(appUrl: string | undefined): string | undefined {
  if (!appUrl) return undefined;
  try {
    const url = new URL(appUrl.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}${DEVICE_EVENTS_PATH}`;
  } catch {
    return undefined;
  }
}

function deviceIdFrom(cookie: string | undefined | null): string | undefined {
  if (!cookie) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(cookie);
  } catch {
    return undefined;
  }
  return DEVICE_ID.test(value) ? value : undefined;
}

/** The numeric order id from `gid://shopify/OrderIdentity/123`, `gid://shopify/Order/123`, `"123"` or `123`. */
export function numericOrderId(id: string | number | null | undefined): number | undefined {
  const digits = typeof id === 'number' ? String(id) : /^(?:gid:\/\/shopify\/Order(?:Identity)?\/)?(\d{1,16})$/.exec(id ?? '')?.[1];
  const value = Number(digits);
  return digits !== undefined && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * The callback for Shopify's `register`. `fetchImpl` is the sandbox's own `fetch`, used only where the
 * runtime offers no `browser.sendBeacon`.
 */
export function storedeskPixel(api: PixelApi, fetchImpl: Fetch | undefined = globalThis.fetch as Fetch | undefined): void {
  const url = reportUrl(api.settings?.appUrl);
  const shop = api.init?.data?.shop?.myshopifyDomain;
  if (!url || !shop) return;

  api.analytics.subscribe('checkout_completed', async (event) => {
    const orderId = numericOrderId(event?.data?.checkout?.order?.id);
    if (orderId === undefined) return;
    const deviceId = deviceIdFrom(await api.browser.cookie.get(DEVICE_COOKIE));
    if (!deviceId) return;
    const report: CheckoutReport = { shop, deviceId, type: 'checkout', orderId };
    // text/plain keeps the request simple: no CORS preflight from either path.
    const body = JSON.stringify(report);
    if (typeof api.browser.sendBeacon === 'function' && (await api.browser.sendBeacon(url, body))) return;
    await fetchImpl?.(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => undefined);
  });
}
