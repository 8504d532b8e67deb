import { createHmac } from 'node:crypto';

/** Shopify's OAuth query HMAC: hex HMAC-SHA256 over the sorted `key=value` pairs (hmac and signature left out), joined with `&`. */
export function oauthQueryHmac(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .filter((k) => k !== 'hmac' && k !== 'signature')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Webhook HMAC: base64 HMAC-SHA256 of the raw body with the app secret (`X-Shopify-Hmac-Sha256`). */
export function webhookHmac(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}
