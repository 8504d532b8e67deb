import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** A static script held in memory gzipped, with an ETag. */
export interface StaticScript {
  gzip: Buffer;
  etag: string;
  /** The script uncompressed, for a client that does not accept gzip. */
  plain(): Buffer;
}

/**
 * Wraps script text for serving. With `holdPlain: false` only the gzip copy stays in memory and the rare
 * client without gzip gets it inflated on the fly: the Web Chat bundle is 3.9 MB, its gzip about 1 MB.
 */
export function staticScript(text: string | Buffer, options: { holdPlain?: boolean } = {}): StaticScript {
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const gzip = gzipSync(body, { level: 9 });
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { gzip, etag, plain: options.holdPlain === false ? inflating(gzip) : () => body };
}

// Made outside staticScript, so the closure does not share (and keep alive) the context that holds the plain bytes.
function inflating(gzip: Buffer): () => Buffer {
  return () => gunzipSync(gzip);
}

/**
 * The official Web Chat bundle from node_modules. Its package `exports` hide `dist/webchat.js` from
 * require.resolve, so it is found by path from the package's main entry.
 */
export function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return join(dirname(dirname(main)), 'dist', 'webchat.js');
}

/** Loads the bundle once (3.9 MB, about 1 MB gzipped) and holds it gzipped only. */
export function loadWebChatBundle(path = webChatBundlePath()): StaticScript {
  return staticScript(readFileSync(path), { holdPlain: false });
}
