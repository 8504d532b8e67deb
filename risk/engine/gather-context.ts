import type { EventFacts, RiskEvent } from '../events';
import type { EventIdentifiers, IdentifierKind } from '../identity-graph';
import type { AmountSummary, LinkCounts, SignalContext } from '../signals';
import { CONTEXT_PLAN, probeIdentifiers, type ContextReader, type ContextSnapshot } from './context-reader';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where a context is read from. */
export interface ContextSources {
  readonly reader: ContextReader;
  readonly amountSummary?: AmountSummary;
}

/** Per kind, the most other accounts any one probed identifier of that kind was seen with, per window. */
function linkCounts(
  snapshot: ContextSnapshot,
  probes: Map<IdentifierKind, { key: string }[]>,
  accountId: string,
  at: number,
): { links: Partial<Record<IdentifierKind, LinkCounts>>; linked: string[] } {
  const links: Partial<Record<IdentifierKind, LinkCounts>> = {};
  const linked = new Set<string>();
  for (const [kind, identifiers] of probes) {
    const counts = { hour: 0, day: 0, week: 0, month: 0 };
    const strong = CONTEXT_PLAN.strongKinds.includes(kind);
    for (const identifier of identifiers) {
      let hour = 0;
      let day = 0;
      let week = 0;
      let month = 0;
      for (const entry of snapshot.sharing.get(identifier.key) ?? []) {
        if (entry.account === accountId) continue;
        const age = at - entry.lastSeen;
        month += 1;
        if (age <= 7 * DAY) week += 1;
        if (age <= DAY) day += 1;
        if (age <= HOUR) hour += 1;
        if (strong && linked.size < CONTEXT_PLAN.maxLinked) linked.add(entry.account);
      }
      counts.hour = Math.max(counts.hour, hour);
      counts.day = Math.max(counts.day, day);
      counts.week = Math.max(counts.week, week);
      counts.month = Math.max(counts.month, month);
    }
    links[kind] = counts;
  }
  return { links, linked: [...linked] };
}

/**
 * Reads everything the signals need about `event`, using only what was recorded up to and
 * including its timestamp (the replay records same-moment events before later ones).
 */
export async function gatherContext(
  event: RiskEvent,
  accountId: string,
  facts: EventFacts,
  ids: EventIdentifiers,
  sources: ContextSources,
): Promise<SignalContext> {
  const code = event.type === 'order' ? event.discountCode?.trim().toUpperCase() || undefined : undefined;
  const request = {
    account: accountId,
    at: event.at,
    until: event.at + 1,
    identifiers: ids.all,
    accountIdentifier: ids.byKind.account,
    sources: [ids.byKind.device, ids.byKind.ip].filter((id) => id !== undefined),
    discountCode: code,
    plan: CONTEXT_PLAN,
  };
  const snapshot = await sources.reader.read(request);
  const { links, linked } = linkCounts(snapshot, probeIdentifiers(request, snapshot.known), accountId, event.at);
  const linkedCodeUsers = code ? await snapshot.codeUsersAmong(linked.slice(0, CONTEXT_PLAN.maxCodeChecks)) : 0;
  const profile = snapshot.profile;
  return {
    kind: event.type,
    at: event.at,
    amount: event.type === 'order' ? event.amount : undefined,
    discountCode: code,
    facts,
    emailDomain: ids.emailDomain,
    emailIsVariant: ids.emailIsVariant || (profile?.emailIsVariant ?? false),
    profile,
    priorOrders: snapshot.priorOrders,
    links,
    linkedAccounts: linked,
    linkedCodeUsers,
    sourceCodeUsers: snapshot.sourceCodeUsers,
    accountOrders: snapshot.accountOrders,
    sourceOrders: snapshot.sourceOrders,
    amountSummary: sources.amountSummary,
    sourceFailedLookups: snapshot.sourceFailedLookups,
    blocklistHits: snapshot.blocklistHits,
  };
}
