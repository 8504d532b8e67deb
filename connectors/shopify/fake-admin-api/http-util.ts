import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 10 * 1024 * 1024;

/** Reads the raw body (up to 10 MB). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON or form-encoded body as a flat record; null when it cannot be read. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/**
 * Which shop a request is for, and the path below it. Three ways, for clients that rewrite the origin:
 * `/shops/{shop}.myshopify.com/admin/...`, an `X-Shop-Domain` header, or a `Host: {shop}.myshopify.com` header.
 */
export function routeShop(req: IncomingMessage, url: URL): { shop: string | null; path: string } {
  const m = /^\/shops\/([^/]+)(\/.*)$/.exec(url.pathname);
  if (m) return { shop: decodeURIComponent(m[1]!).toLowerCase(), path: m[2]! };
  const header = req.headers['x-shop-domain'];
  if (typeof header === 'string' && header) return { shop: header.toLowerCase(), path: url.pathname };
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
  return { shop: host.endsWith('.myshopify.com') ? host : null, path: url.pathname };
}
