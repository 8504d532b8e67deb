import type { EventFacts, RiskEvent } from '../events';
import type { IdentifierHasher } from './identifier-hasher';
import { normaliseAddress } from './normalise-address';
import { normaliseEmail } from './normalise-email';
import { normaliseIp } from './ip-prefix';
import { normalisePhone } from './normalise-phone';
import type { Identifier, IdentifierKind } from './types';
import { memoise } from '../common';

const addressKey = memoise(normaliseAddress);
const ipParts = memoise(normaliseIp);
const emailParts = memoise(normaliseEmail);

/** The hashed identifiers of one event, by kind, plus what normalisation learned on the way. */
export interface EventIdentifiers {
  /** Every identifier except the account itself: what the account gets linked through. */
  readonly all: readonly Identifier[];
  readonly byKind: Partial<Record<IdentifierKind, Identifier>>;
  /** The email's domain (not hashed: domains are not personal data and feed the disposable check). */
  readonly emailDomain?: string;
  /** True when the email was a dot or plus-tag variant of its mailbox. */
  readonly emailIsVariant: boolean;
}

/** Normalises and hashes every identifier an event carries. Unparseable values are skipped, not fatal. */
export function identifiersFromEvent(
  event: RiskEvent,
  facts: EventFacts,
  hash: IdentifierHasher,
): EventIdentifiers {
  const byKind: Partial<Record<IdentifierKind, Identifier>> = {};
  const add = (kind: IdentifierKind, value: string | undefined): void => {
    if (value !== undefined && value !== '') byKind[kind] = hash(kind, value);
  };
  add('account', event.account);
  add('device', event.device?.trim());
  const ip = event.ip === undefined ? undefined : ipParts(event.ip);
  add('ip', ip?.ip);
  add('ip-prefix', ip?.prefix);
  const email = facts.email === undefined ? undefined : emailParts(facts.email);
  add('email', email?.address);
  const country = facts.shippingCountry ?? facts.billingCountry ?? facts.ipCountry;
  add('phone', facts.phone === undefined ? undefined : normalisePhone(facts.phone, country));
  add('address', facts.shippingAddress === undefined ? undefined : addressKey(facts.shippingAddress));
  add('payment', facts.paymentFingerprint);
  return {
    all: Object.values(byKind).filter((identifier) => identifier.kind !== 'account'),
    byKind,
    emailDomain: email?.domain,
    emailIsVariant: email?.isVariant ?? false,
  };
}

/**
 * The device and IP identifiers of a failed look-up, hashed exactly as an order's sources are, so an
 * order from the same device or IP finds the look-ups.
 */
export function lookupSources(lookup: { device?: string; ip?: string }, hash: IdentifierHasher): Identifier[] {
  const device = lookup.device?.trim();
  const ip = lookup.ip === undefined ? undefined : ipParts(lookup.ip)?.ip;
  return [device ? hash('device', device) : undefined, ip ? hash('ip', ip) : undefined].filter((id) => id !== undefined);
}
