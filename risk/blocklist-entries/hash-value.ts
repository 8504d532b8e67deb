import { ValidationError } from '../../core/errors';
import {
  normaliseAddress,
  normaliseEmail,
  normaliseIp,
  normalisePhone,
  type Identifier,
  type IdentifierHasher,
} from '../identity-graph';

/** Kinds a person can put on the blocklist. */
export const BLOCKABLE_KINDS = ['account', 'device', 'email', 'phone', 'ip', 'address', 'payment'] as const;
/** One of {@link BLOCKABLE_KINDS}. */
export type BlockableKind = (typeof BLOCKABLE_KINDS)[number];

function normalise(kind: BlockableKind, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  switch (kind) {
    case 'email':
      return normaliseEmail(value)?.address;
    case 'phone':
      return normalisePhone(value);
    case 'address':
      return normaliseAddress(value);
    case 'ip':
      return normaliseIp(value)?.ip;
    default:
      return value;
  }
}

/** Normalises a typed-in identifier exactly as events are normalised, then hashes it. */
export function hashBlockValue(hasher: IdentifierHasher, kind: BlockableKind, raw: string): Identifier {
  const value = normalise(kind, raw);
  if (value === undefined) throw new ValidationError(`That does not look like a valid ${kind}`, { details: { problems: [{ path: 'value', message: `not a valid ${kind}` }] } });
  return hasher(kind, value);
}

/** A hint staff can recognise without the list holding the identifier (`j•••@gmail.com`, `•••4567`). */
export function maskValue(kind: BlockableKind, raw: string): string {
  const value = raw.trim();
  if (kind === 'email') {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (kind === 'account' || kind === 'device') return value.length <= 8 ? value : `${value.slice(0, 4)}…${value.slice(-4)}`;
  if (kind === 'ip') return value.replace(/[.:][^.:]+$/, '.•••');
  return `•••${value.replace(/\s/g, '').slice(-4)}`;
}
