import type { Request } from 'restify';

/**
 * The caller's IP for rate limiting. X-Forwarded-For is only believed behind a proxy we were told about,
 * otherwise anyone could pick a fresh address per request.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The caller's IP for the turn (the bot's blocklist check), or undefined when the socket has none. */
export function clientIpOf(req: Request, trustProxy: boolean): string | undefined {
  const address = clientAddress(req, trustProxy);
  return address === 'unknown' ? undefined : address;
}

/** Query parameters of a request (the app installs no query parser). */
export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}
