import type { IncomingMessage } from 'node:http';

/** The origin clients reach us on, from the configured public URL or the request itself. */
export function publicOrigin(req: IncomingMessage, publicUrl: string | undefined, trustProxy: boolean): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const forwardedProto = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  const secure = forwardedProto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  return `${secure ? 'https' : 'http'}://${host}`;
}

/** The WebSocket URL of a conversation's stream; the token rides in `t`, as on Azure's Direct Line. */
export function streamUrlFor(origin: string, conversationId: string, token: string, watermark?: number): string {
  const ws = origin.replace(/^http/, 'ws');
  const query = new URLSearchParams({ t: token });
  if (watermark !== undefined) query.set('watermark', String(watermark));
  return `${ws}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}

/** Parses a `watermark` query value; `undefined` when absent, `null` when malformed. */
export function parseWatermark(value: unknown): number | undefined | null {
  if (value === undefined || value === '' || value === null) return undefined;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}
