import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { NotFoundError, ValidationError } from '../../../core/errors';
import type { Db } from '../../../db';
import { queryOf, resolveShop } from '../shared';
import { chatPageHtml } from './chat-page';
import { loadWebChatBundle, staticScript, type StaticScript } from './webchat-bundle';
import { defaultInboundLimits } from '../direct-line';

/** Dependencies of {@link webChatRoutes}. */
export interface WebChatRoutesDeps {
  db: Db;
  /** Where `botframework-webchat/dist/webchat.js` is; found from node_modules unless set. */
  bundlePath?: string;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat styles itself with injected <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors *",
].join('; ');

function sendScript(req: Request, res: Response, script: StaticScript, maxAge: number): void {
  res.setHeader('content-type', 'application/javascript; charset=utf-8');
  res.setHeader('cache-control', `public, max-age=${maxAge}`);
  res.setHeader('etag', script.etag);
  res.setHeader('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === script.etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) res.setHeader('content-encoding', 'gzip');
  const body = gzip ? script.gzip : script.plain();
  res.setHeader('content-length', body.length);
  res.writeHead(200);
  res.end(body);
}

/**
 * `GET /chat?shop=` (the Web Chat page), `GET /chat/webchat.js` (the official bundle, from node_modules),
 * `GET /chat/chat.js` (the page's script) and `GET /widget.js` (the merchant's embeddable bubble).
 */
export function webChatRoutes(deps: WebChatRoutesDeps): (server: Server) => void {
  let bundle: StaticScript | undefined;
  const asset = (name: string) => staticScript(readFileSync(join(__dirname, 'assets', name)));
  const chatScript = asset('chat.js');
  const widgetScript = asset('widget.js');
  return (server) => {
    server.get('/chat', async (req: Request, res: Response) => {
      const shopRef = queryOf(req).get('shop');
      if (!shopRef) throw new ValidationError('shop is required: /chat?shop=<your-shop>.myshopify.com');
      const shop = await resolveShop(deps.db, shopRef);
      if (!shop) throw new NotFoundError('No installed shop has that id or domain');
      const html = chatPageHtml({ shop: shop.domain, title: shop.name ? `${shop.name} · Chat` : 'Chat', maxTextLength: defaultInboundLimits.maxTextLength });
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', CSP);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      res.writeHead(200);
      res.end(html);
    });
    server.get('/chat/webchat.js', async (req: Request, res: Response) => {
      bundle ??= loadWebChatBundle(deps.bundlePath);
      sendScript(req, res, bundle, 86_400);
    });
    server.get('/chat/chat.js', async (req: Request, res: Response) => sendScript(req, res, chatScript, 300));
    server.get('/widget.js', async (req: Request, res: Response) => {
      res.setHeader('access-control-allow-origin', '*');
      sendScript(req, res, widgetScript, 300);
    });
  };
}
