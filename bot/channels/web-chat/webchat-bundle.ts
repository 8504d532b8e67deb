import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A static script held in memory, with its gzip copy and an ETag. */
export interface StaticScript {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Wraps script text for serving. */
export function staticScript(text: string | Buffer): StaticScript {
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * The official Web Chat bundle from node_modules. Its package `exports` hide `dist/webchat.js` from
 * require.resolve, so it is found by path from the package's main entry.
 */
export function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return join(dirname(dirname(main)), 'dist', 'webchat.js');
}

/** Loads the bundle once (3.9 MB, about 1 MB gzipped). */
export function loadWebChatBundle(path = webChatBundlePath()): StaticScript {
  return staticScript(readFileSync(path));
}
