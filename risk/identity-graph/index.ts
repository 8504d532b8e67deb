export type {
  AccountProfile,
  Identifier,
  IdentifierKind,
  IdentityGraphStore,
  ProfileUpdate,
  SharedAccount,
  TimeWindow,
} from './types';
export { normaliseEmail } from './normalise-email';
export type { NormalisedEmail } from './normalise-email';
export { normalisePhone } from './normalise-phone';
export { normaliseAddress } from './normalise-address';
export { normaliseIp } from './ip-prefix';
export type { NormalisedIp } from './ip-prefix';
export { createIdentifierHasher } from './identifier-hasher';
export type { IdentifierHasher } from './identifier-hasher';
export { identifiersFromEvent, lookupSources } from './identifiers-from-event';
export type { EventIdentifiers } from './identifiers-from-event';
export { InMemoryIdentityGraphStore } from './in-memory-identity-graph-store';
