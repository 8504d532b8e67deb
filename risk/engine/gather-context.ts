import type { BlocklistLookup } from '../blocklist';
import type { EventFacts, RiskEvent } from '../events';
import type { EventIdentifiers, Identifier, IdentifierKind, IdentityGraphStore } from '../identity-graph';
import type { OrderHistoryStore, OrderRecord } from '../order-history';
import type { AmountSummary, LinkCounts, SignalContext } from '../signals';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** IP alone is too weak a link for "these accounts are one person" (offices, mobile carriers). */
const STRONG_KINDS: ReadonlySet<IdentifierKind> = new Set(['device', 'email', 'phone', 'address', 'payment']);
const MAX_LINKED = 50;
/** How far back each kind of link counts: IPs churn within a day, devices within a week. */
const LOOKBACK: Record<IdentifierKind, number> = {
  account: 30 * DAY,
  device: 7 * DAY,
  ip: DAY,
  'ip-prefix': DAY,
  email: 30 * DAY,
  phone: 30 * DAY,
  address: 30 * DAY,
  payment: 30 * DAY,
};
const MAX_CODE_CHECKS = 25;

/** The stores a context is read from. */
export interface ContextSources {
  readonly graph: IdentityGraphStore;
  readonly history: OrderHistoryStore;
  readonly blocklist: BlocklistLookup;
  readonly amountSummary?: AmountSummary;
}

/** The event's identifiers plus, per kind, what the account was seen with before (event's own wins). */
function identifiersByKind(
  ids: EventIdentifiers,
  known: readonly Identifier[],
): Map<IdentifierKind, Identifier[]> {
  const byKind = new Map<IdentifierKind, Identifier[]>();
  for (const identifier of ids.all) byKind.set(identifier.kind, [identifier]);
  for (const identifier of known) {
    if (identifier.kind === 'ip' || identifier.kind === 'ip-prefix' || ids.byKind[identifier.kind]) continue;
    const list = byKind.get(identifier.kind) ?? [];
    if (list.length < 3) list.push(identifier);
    byKind.set(identifier.kind, list);
  }
  return byKind;
}

/**
 * Reads from the stores everything the signals need about `event`, using only what was recorded
 * up to and including its timestamp (the replay records same-moment events before later ones).
 */
export async function gatherContext(
  event: RiskEvent,
  accountId: string,
  facts: EventFacts,
  ids: EventIdentifiers,
  sources: ContextSources,
): Promise<SignalContext> {
  const { graph, history } = sources;
  const until = event.at + 1;
  const [profile, known, priorOrders, accountOrders] = await Promise.all([
    graph.accountProfile(accountId, until),
    graph.identifiersOf(accountId, until),
    history.orderCount(accountId, until),
    history.ordersOfAccount(accountId, { since: event.at - DAY, until }),
  ]);
  const byKind = identifiersByKind(ids, known);
  const links: Partial<Record<IdentifierKind, LinkCounts>> = {};
  const linked = new Set<string>();
  for (const [kind, identifiers] of byKind) {
    const counts = { hour: 0, day: 0, week: 0, month: 0 };
    const horizon = LOOKBACK[kind];
    for (const identifier of identifiers) {
      const shared = await graph.accountsSharing(identifier, { since: event.at - horizon, until }, 200);
      let hour = 0;
      let day = 0;
      let week = 0;
      let month = 0;
      for (const entry of shared) {
        if (entry.account === accountId) continue;
        const age = event.at - entry.lastSeen;
        month += 1;
        if (age <= 7 * DAY) week += 1;
        if (age <= DAY) day += 1;
        if (age <= HOUR) hour += 1;
        if (STRONG_KINDS.has(kind) && linked.size < MAX_LINKED) linked.add(entry.account);
      }
      counts.hour = Math.max(counts.hour, hour);
      counts.day = Math.max(counts.day, day);
      counts.week = Math.max(counts.week, week);
      counts.month = Math.max(counts.month, month);
    }
    links[kind] = counts;
  }
  const sourceIds = [ids.byKind.device, ids.byKind.ip].filter((id): id is Identifier => id !== undefined);
  const code = event.type === 'order' ? event.discountCode?.trim().toUpperCase() || undefined : undefined;
  const [sourceOrders, weekOrders, linkedCodeUsers, blocklistHits] = await Promise.all([
    ordersFromSources(history, sourceIds, event.at - HOUR, until, 200),
    code ? ordersFromSources(history, sourceIds, event.at - 7 * DAY, until, 500) : Promise.resolve([]),
    code ? countLinkedCodeUsers(history, [...linked], code, event.at - 90 * DAY, until) : Promise.resolve(0),
    sources.blocklist.lookup(
      [...(ids.byKind.account ? [ids.byKind.account] : []), ...[...byKind.values()].flat()],
      event.at,
    ),
  ]);
  const sourceCodeUsers = new Set(
    weekOrders.filter((o) => o.discountCode === code && o.account !== accountId).map((o) => o.account),
  ).size;
  return {
    kind: event.type,
    at: event.at,
    amount: event.type === 'order' ? event.amount : undefined,
    discountCode: code,
    facts,
    emailDomain: ids.emailDomain,
    emailIsVariant: ids.emailIsVariant || (profile?.emailIsVariant ?? false),
    profile,
    priorOrders,
    links,
    linkedAccounts: [...linked],
    linkedCodeUsers,
    sourceCodeUsers,
    accountOrders,
    sourceOrders,
    amountSummary: sources.amountSummary,
    blocklistHits,
  };
}

async function ordersFromSources(
  history: OrderHistoryStore,
  sources: readonly Identifier[],
  since: number,
  until: number,
  limit: number,
): Promise<OrderRecord[]> {
  const lists = await Promise.all(
    sources.map((source) => history.ordersFrom(source, { since, until }, limit)),
  );
  const byOrder = new Map<string, OrderRecord>();
  for (const list of lists) for (const order of list) byOrder.set(order.order, order);
  return [...byOrder.values()];
}

async function countLinkedCodeUsers(
  history: OrderHistoryStore,
  linked: readonly string[],
  code: string,
  since: number,
  until: number,
): Promise<number> {
  const checks = await Promise.all(
    linked.slice(0, MAX_CODE_CHECKS).map(async (account) => {
      const orders = await history.ordersOfAccount(account, { since, until });
      return orders.some((order) => order.discountCode === code);
    }),
  );
  return checks.filter(Boolean).length;
}
