import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { NotFoundError, UnavailableError } from '../../core/errors';
import { embeddedHead, isEmbeddedRequest, shopFromQuery } from './embedded-page';

/** Where `npm run build:admin` writes the UI. */
export const defaultAdminDistDir = resolve(__dirname, '../../admin/dist');

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Options for {@link adminStaticRoutes}. */
export interface AdminStaticDeps {
  distDir?: string;
  /** SHOPIFY_API_KEY: with it, a request that says it is embedded gets App Bridge and its meta tag. */
  shopifyApiKey?: string;
}

/**
 * Serves the built admin at `/admin`: hashed assets with long caching, and `index.html` for every other
 * path under `/admin` so the UI's own routes survive a reload. Standalone pages load nothing remote.
 */
export function adminStaticRoutes(deps: AdminStaticDeps = {}) {
  const distDir = resolve(deps.distDir ?? defaultAdminDistDir);
  let indexHtml: Promise<string> | undefined;

  async function loadIndex(): Promise<string> {
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new UnavailableError('The admin UI is not built yet: run `npm run build:admin`');
    }
    indexHtml ??= readFile(join(distDir, 'index.html'), 'utf8');
    return indexHtml.catch((error) => {
      indexHtml = undefined;
      throw error;
    });
  }

  async function sendIndex(req: Request, res: Response) {
    const html = await loadIndex();
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    const embedded = Boolean(deps.shopifyApiKey) && isEmbeddedRequest(query);
    const page = embedded ? html.replace('<!--storedesk:embedded-head-->', embeddedHead(deps.shopifyApiKey ?? '')) : html;
    const shop = shopFromQuery(query);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    // Shopify requires the admin to be frameable by the shop's admin, and only by it.
    res.setHeader(
      'content-security-policy',
      embedded && shop ? `frame-ancestors https://${shop} https://admin.shopify.com;` : "frame-ancestors 'none';",
    );
    res.sendRaw(200, page);
  }

  async function sendAsset(req: Request, res: Response) {
    const relative = decodeURIComponent((req.path() ?? '').replace(/^\/admin\/assets\//, ''));
    const file = resolve(distDir, 'assets', relative);
    if (!file.startsWith(join(distDir, 'assets') + sep)) throw new NotFoundError('Asset not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      throw new NotFoundError('Asset not found');
    }
    res.setHeader('content-type', contentTypes[extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendRaw(200, body);
  }

  return (server: Server): void => {
    server.get('/admin/assets/*', sendAsset);
    server.get('/admin', sendIndex);
    server.get('/admin/*', sendIndex);
  };
}
