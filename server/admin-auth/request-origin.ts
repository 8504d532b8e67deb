import type { Request } from 'restify';

/** How the server tells which origin and scheme a browser used. */
export interface OriginPolicy {
  /** The public URL of the app, when known; its origin is always accepted and https there means Secure cookies. */
  appUrl?: string;
  /** Believe `X-Forwarded-Proto` / `X-Forwarded-Host`, and the last `X-Forwarded-For` entry as the client's address (TRUST_PROXY: only behind a proxy you run). */
  trustProxy?: boolean;
}

function firstHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/** Whether the browser reached us over https (directly, through a trusted proxy, or by the app URL). */
export function isSecureRequest(req: Request, policy: OriginPolicy): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (policy.trustProxy && firstHeader(req, 'x-forwarded-proto') === 'https') return true;
  return policy.appUrl?.startsWith('https://') ?? false;
}

/** The origins a same-site browser request may carry. */
export function expectedOrigins(req: Request, policy: OriginPolicy): Set<string> {
  const origins = new Set<string>();
  if (policy.appUrl) origins.add(new URL(policy.appUrl).origin);
  const host = (policy.trustProxy ? firstHeader(req, 'x-forwarded-host') : undefined) ?? firstHeader(req, 'host');
  if (host) {
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted || (policy.trustProxy && firstHeader(req, 'x-forwarded-proto') === 'https');
    origins.add(`${encrypted ? 'https' : 'http'}://${host}`);
  }
  return origins;
}

/**
 * Whether an unsafe request comes from our own pages: its `Origin` (or, failing that, `Referer`) must be
 * one of ours. A request with neither is refused; every browser we support sends `Origin` on POST/PUT.
 */
export function comesFromOwnOrigin(req: Request, policy: OriginPolicy): boolean {
  const origin = firstHeader(req, 'origin');
  let source = origin && origin !== 'null' ? origin : undefined;
  if (!source) {
    const referer = firstHeader(req, 'referer');
    if (!referer) return false;
    try {
      source = new URL(referer).origin;
    } catch {
      return false;
    }
  }
  return expectedOrigins(req, policy).has(source);
}

/** GET, HEAD and OPTIONS change nothing, so they need no CSRF proof. */
export function isUnsafeMethod(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());
}
