import type { Request } from 'restify';

// One rule for the caller's IP across the app (the last X-Forwarded-For entry, only under TRUST_PROXY).
export { clientAddress } from '../../../core/http';

/** Query parameters of a request (the app installs no query parser). */
export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}
