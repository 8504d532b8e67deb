import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a subject within its scope: without the installation's secret, a row can't be matched
 * to an address or email by hashing guesses (the IPv4 space is small enough to hash whole).
 */
export function createSubjectHasher(secret: string | Buffer): (scope: string, subject: string) => string {
  const key = createHmac('sha256', secret).update('storedesk rate-limit subjects v1').digest();
  return (scope, subject) => createHmac('sha256', key).update(scope).update('\n').update(subject).digest('hex').slice(0, 32);
}
