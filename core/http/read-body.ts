import type { Request, Response } from 'restify';
import { AppError, ValidationError } from '../errors';
import { unstorableTextAt } from './storable-text';

/** The exact bytes received; webhook HMACs are checked on these. Empty for bodiless requests. */
export function rawBodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
}

/** Body limits by content kind; a larger body is refused with 413 before it is buffered whole. */
export interface BodyLimits {
  maxBytes: number;
}

function isJson(contentType: string): boolean {
  return contentType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(contentType);
}

/**
 * Reads the body once, keeps the raw bytes, and parses JSON and URL-encoded forms.
 * restify's own body parser turns JSON into a string first, which would break HMAC checks on raw bytes.
 */
export function readBody(limits: BodyLimits) {
  return async (req: Request, _res: Response): Promise<void> => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE' || req.method === 'OPTIONS') return;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks);
    req.rawBody = raw;
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (raw.length === 0) {
      req.body = undefined;
    } else if (isJson(contentType)) {
      try {
        req.body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new ValidationError(`Malformed JSON body: ${(error as Error).message}`);
      }
    } else if (contentType === 'application/x-www-form-urlencoded') {
      req.body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    } else {
      req.body = raw;
      return;
    }
    // Shopify's signed webhooks are parsed from the raw bytes and cleaned by their own route: they must be kept.
    if (req.headers['x-shopify-hmac-sha256'] !== undefined) return;
    const at = unstorableTextAt(req.body);
    if (at !== undefined) throw new ValidationError(`Text at ${at} contains a NUL character or half of an emoji (an unpaired surrogate); remove it and send again`);
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `Request body is larger than ${maxBytes} bytes`, { status: 413 });
}
