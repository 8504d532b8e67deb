import { z } from 'zod';
import { hashBlockValue, type BlockableKind } from '../blocklist-entries';
import type { IdentifierHasher } from '../identity-graph';

/** What the bot or the form knows of a buyer; every field optional, all hashed before use. */
export const buyerIdentifiersSchema = z
  .object({
    customerId: z.union([z.string(), z.number()]).optional(),
    email: z.string().max(320).optional(),
    phone: z.string().max(40).optional(),
    device: z.string().max(200).optional(),
    ip: z.string().max(64).optional(),
    address: z.string().max(500).optional(),
  })
  .strict();

/** Raw identifiers of a buyer, see {@link buyerIdentifiersSchema}. */
export type BuyerIdentifiers = z.infer<typeof buyerIdentifiersSchema>;

const FIELDS: Array<[keyof BuyerIdentifiers, BlockableKind]> = [
  ['customerId', 'account'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['device', 'device'],
  ['ip', 'ip'],
  ['address', 'address'],
];

/** The hashed keys of the identifiers that parse; malformed ones are skipped, not fatal. */
export function hashBuyerIdentifiers(hasher: IdentifierHasher, identifiers: BuyerIdentifiers): string[] {
  const keys: string[] = [];
  for (const [field, kind] of FIELDS) {
    const value = identifiers[field];
    if (value === undefined || String(value).trim() === '') continue;
    try {
      keys.push(hashBlockValue(hasher, kind, String(value)).key);
    } catch {
      // A value that does not normalise cannot match an entry either.
    }
  }
  return keys;
}
