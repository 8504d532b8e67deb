import { hash as digest } from 'node:crypto';
import type { Identifier, IdentifierKind } from './types';

/** Turns a normalised identifier into its keyed hash. */
export type IdentifierHasher = (kind: IdentifierKind, normalisedValue: string) => Identifier;

const CACHE_LIMIT = 250_000;

const BLOCK = 64;

/**
 * RFC 2104 HMAC-SHA256 on one-shot hashes: `createHmac` rebuilds a key object on every call,
 * which dominated replay time. The output is identical to `createHmac('sha256', secret)`.
 */
function hmacSha256(secret: Buffer): (message: string) => string {
  const key = Buffer.alloc(BLOCK);
  (secret.length > BLOCK ? digest('sha256', secret, 'buffer') : secret).copy(key);
  const inner = Buffer.from(key.map((byte) => byte ^ 0x36));
  const outer = Buffer.from(key.map((byte) => byte ^ 0x5c));
  return (message) => {
    const innerHash = digest('sha256', Buffer.concat([inner, Buffer.from(message, 'utf8')]), 'buffer');
    return digest('sha256', Buffer.concat([outer, innerHash]), 'hex');
  };
}

/**
 * HMAC-SHA256 (truncated to 128 bits) of `kind:value` under `secret`. Use one installation-wide
 * secret so that cross-shop blocklist entries match; never log or store the secret with the hashes.
 * A small cache keeps replays fast, since the same device or IP recurs across many events.
 */
export function createIdentifierHasher(secret: string | Buffer): IdentifierHasher {
  if (secret.length < 16) throw new RangeError('The identifier hashing secret must be at least 16 bytes');
  const caches = new Map<IdentifierKind, Map<string, Identifier>>();
  let cached = 0;
  const hmac = hmacSha256(Buffer.from(secret));
  return (kind, normalisedValue) => {
    let cache = caches.get(kind);
    if (!cache) {
      cache = new Map();
      caches.set(kind, cache);
    }
    const hit = cache.get(normalisedValue);
    if (hit) return hit;
    const identifier: Identifier = {
      kind,
      key: `${kind}:${hmac(`${kind}:${normalisedValue}`).slice(0, 32)}`,
    };
    if (cached >= CACHE_LIMIT) {
      caches.clear();
      cached = 0;
    }
    cache.set(normalisedValue, identifier);
    cached += 1;
    return identifier;
  };
}
