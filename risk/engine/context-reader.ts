import type { BlocklistHit } from '../blocklist';
import type { AccountProfile, Identifier, IdentifierKind, SharedAccount } from '../identity-graph';
import type { OrderRecord } from '../order-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What the engine reads for one event, as numbers a store can execute in one go. A reader must
 * follow it exactly, or the in-memory backtest and the live path would disagree.
 */
export const CONTEXT_PLAN = {
  /** How far back each kind of link counts: IPs churn within a day, devices within a week. */
  lookbackMs: {
    account: 30 * DAY,
    device: 7 * DAY,
    ip: DAY,
    'ip-prefix': DAY,
    email: 30 * DAY,
    phone: 30 * DAY,
    address: 30 * DAY,
    payment: 30 * DAY,
  } satisfies Record<IdentifierKind, number>,
  /** Most recently seen accounts kept per probed identifier. */
  sharingLimit: 200,
  /** Of each kind the event lacks, this many of the account's earlier identifiers are probed too. */
  knownPerKind: 3,
  /** Earlier identifiers of these kinds are never probed (a past IP says little about now). */
  unprobedKnownKinds: ['ip', 'ip-prefix'] as readonly IdentifierKind[],
  /** IP alone is too weak a link for "these accounts are one person" (offices, mobile carriers). */
  strongKinds: ['device', 'email', 'phone', 'address', 'payment'] as readonly IdentifierKind[],
  maxLinked: 50,
  accountOrdersMs: DAY,
  sourceOrdersMs: HOUR,
  sourceOrdersLimit: 200,
  sourceCodeMs: 7 * DAY,
  sourceCodeLimit: 500,
  linkedCodeMs: 90 * DAY,
  /** Only the first linked accounts are checked for the discount code. */
  maxCodeChecks: 25,
  /** Failed order-status look-ups in chat from the sources are counted over the last hour and this span. */
  failedLookupsMs: DAY,
} as const;

/** The plan a reader follows ({@link CONTEXT_PLAN}). */
export type ContextPlan = typeof CONTEXT_PLAN;

/** One event's question to storage. Everything is read as of `until` (exclusive). */
export interface ContextRequest {
  readonly account: string;
  readonly at: number;
  readonly until: number;
  /** The event's identifiers (not the account), probed first, in this order. */
  readonly identifiers: readonly Identifier[];
  /** The account's own identifier, looked up on the blocklist only. */
  readonly accountIdentifier?: Identifier;
  /** The device and IP of the event, for orders from the same source. */
  readonly sources: readonly Identifier[];
  /** Upper-cased discount code of an order, if any. */
  readonly discountCode?: string;
  readonly plan: ContextPlan;
}

/** Storage's answer; the engine turns it into signals. */
export interface ContextSnapshot {
  readonly profile?: AccountProfile;
  /** The account's identifiers before `until`, first seen first (ties by key, code-unit order). */
  readonly known: readonly Identifier[];
  readonly priorOrders: number;
  /** The account's orders within `accountOrdersMs`, oldest first. */
  readonly accountOrders: readonly OrderRecord[];
  /**
   * Per probed identifier key ({@link probeIdentifiers}): accounts seen with it within its kind's
   * look-back, latest first (ties by account, code-unit order), at most `sharingLimit`.
   */
  readonly sharing: ReadonlyMap<string, readonly SharedAccount[]>;
  /** Orders from the sources within `sourceOrdersMs` (latest `sourceOrdersLimit` per source), each once. */
  readonly sourceOrders: readonly OrderRecord[];
  /** Other accounts that used the discount code from the sources within `sourceCodeMs` (latest `sourceCodeLimit` per source). */
  readonly sourceCodeUsers: number;
  /**
   * Failed order look-ups in chat from the sources within the last hour and `failedLookupsMs`:
   * the most of any one source (device or IP), per window.
   */
  readonly sourceFailedLookups: FailedLookupCounts;
  /** Blocklist entries matching the account or any probed identifier at `at`. */
  readonly blocklistHits: readonly BlocklistHit[];
  /** How many of `accounts` used the discount code within `linkedCodeMs`. */
  codeUsersAmong(accounts: readonly string[]): Promise<number>;
}

/** Failed look-ups from the busiest source, per window. */
export interface FailedLookupCounts {
  readonly hour: number;
  readonly day: number;
}

/** Reads the context of one event (e.g. in one SQL statement). */
export interface ContextReader {
  read(request: ContextRequest): Promise<ContextSnapshot>;
}

/**
 * The identifiers to probe, by kind, in probing order: the event's own, then, for each kind the
 * event lacks (and not in `unprobedKnownKinds`), the first `knownPerKind` earlier identifiers.
 */
export function probeIdentifiers(
  request: Pick<ContextRequest, 'identifiers' | 'plan'>,
  known: readonly Identifier[],
): Map<IdentifierKind, Identifier[]> {
  const byKind = new Map<IdentifierKind, Identifier[]>();
  for (const identifier of request.identifiers) byKind.set(identifier.kind, [identifier]);
  const own = new Set(byKind.keys());
  for (const identifier of known) {
    if (request.plan.unprobedKnownKinds.includes(identifier.kind) || own.has(identifier.kind)) continue;
    const list = byKind.get(identifier.kind) ?? [];
    if (list.length < request.plan.knownPerKind) list.push(identifier);
    byKind.set(identifier.kind, list);
  }
  return byKind;
}
