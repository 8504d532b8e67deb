import { createHmac } from 'node:crypto';
import { ValidationError } from '../../core/errors';

const MIN_KEY_BYTES = 16;

/**
 * A pseudonymous id: HMAC-SHA256 under the shop's key over the kind and the id, base64url.
 * The kind is length-prefixed in the message, so a customer id and an order id with the same
 * digits (or kinds and ids that concatenate alike) never collide. Stable for one key; ids made
 * under different keys cannot be linked. Key storage and rotation live with the caller.
 */
export function pseudonymizeWithKey(key: Buffer, kind: string, id: string): string {
  if (key.length < MIN_KEY_BYTES)
    throw new ValidationError(`pseudonymisation key must be at least ${MIN_KEY_BYTES} bytes`);
  if (kind.length === 0) throw new ValidationError('pseudonymisation kind must not be empty');
  return createHmac('sha256', key).update(`${kind.length}:${kind}:${id}`, 'utf8').digest('base64url');
}
