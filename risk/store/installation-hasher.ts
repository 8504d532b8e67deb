import { createHmac } from 'node:crypto';
import { createIdentifierHasher, type IdentifierHasher } from '../identity-graph';

const PURPOSE = 'storedesk risk identifier hashing v1';

/**
 * The installation-wide identifier secret, derived from the encryption key so that it needs no
 * storage of its own and differs from every other use of that key. Every shop of the installation
 * hashes with it, which is what lets an installation-wide blocklist entry match in any shop.
 */
export function deriveIdentifierSecret(encryptionKeyHex: string): Buffer {
  const key = Buffer.from(encryptionKeyHex, 'hex');
  if (key.length < 16) throw new RangeError('The encryption key must be at least 16 bytes of hex');
  return createHmac('sha256', key).update(PURPOSE).digest();
}

/** The identifier hasher of this installation. */
export function createInstallationHasher(encryptionKeyHex: string): IdentifierHasher {
  return createIdentifierHasher(deriveIdentifierSecret(encryptionKeyHex));
}

/** The key that signs appeal links (which identifiers a refusal was about), derived like the hashing secret. */
export function deriveAppealLinkKey(encryptionKeyHex: string): Buffer {
  return createHmac('sha256', Buffer.from(encryptionKeyHex, 'hex')).update('storedesk appeal links v1').digest();
}
