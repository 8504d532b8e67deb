import type { IncomingMessage } from 'node:http';

/**
 * The caller's IP, for rate limits and block checks. With `trustProxy` (TRUST_PROXY: one reverse proxy
 * of ours in front) it is the last X-Forwarded-For entry, the one that proxy appended; entries before
 * it are whatever the client sent, so believing the first would let anyone pick a fresh address per
 * request. Without it, the socket's address. Undefined when neither gives one.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const entry = entries[i]?.trim();
      if (entry) return entry;
    }
  }
  return req.socket?.remoteAddress || undefined;
}
