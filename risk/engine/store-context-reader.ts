import type { BlocklistLookup } from '../blocklist';
import type { Identifier, IdentityGraphStore, SharedAccount } from '../identity-graph';
import type { OrderHistoryStore, OrderRecord } from '../order-history';
import { probeIdentifiers, type ContextReader, type ContextRequest, type ContextSnapshot, type FailedLookupCounts } from './context-reader';

/** The stores a context is read from, one question at a time. */
export interface ContextStores {
  readonly graph: IdentityGraphStore;
  readonly history: OrderHistoryStore;
  readonly blocklist: BlocklistLookup;
}

async function ordersFromSources(
  history: OrderHistoryStore,
  sources: readonly Identifier[],
  since: number,
  until: number,
  limit: number,
): Promise<OrderRecord[]> {
  const lists = await Promise.all(sources.map((source) => history.ordersFrom(source, { since, until }, limit)));
  const byOrder = new Map<string, OrderRecord>();
  for (const list of lists) for (const order of list) byOrder.set(order.order, order);
  return [...byOrder.values()];
}

const HOUR = 3_600_000;

async function failedLookupsFromSources(
  history: OrderHistoryStore,
  sources: readonly Identifier[],
  at: number,
  until: number,
  span: number,
): Promise<FailedLookupCounts> {
  const counts = await Promise.all(
    sources.map(async (source) => ({
      hour: await history.failedLookupsFrom(source, { since: at - HOUR, until }),
      day: await history.failedLookupsFrom(source, { since: at - span, until }),
    })),
  );
  return { hour: Math.max(0, ...counts.map((c) => c.hour)), day: Math.max(0, ...counts.map((c) => c.day)) };
}

/**
 * A {@link ContextReader} over the store interfaces: fine in memory (backtests), where a question
 * costs microseconds; a database store answers the same plan in one statement instead.
 */
export function storeContextReader({ graph, history, blocklist }: ContextStores): ContextReader {
  return {
    async read(request: ContextRequest): Promise<ContextSnapshot> {
      const { account, at, until, plan } = request;
      const [profile, known, priorOrders, accountOrders] = await Promise.all([
        graph.accountProfile(account, until),
        graph.identifiersOf(account, until),
        history.orderCount(account, until),
        history.ordersOfAccount(account, { since: at - plan.accountOrdersMs, until }),
      ]);
      const probes = [...probeIdentifiers(request, known).values()].flat();
      const sharing = new Map<string, readonly SharedAccount[]>();
      for (const identifier of probes) {
        const since = at - plan.lookbackMs[identifier.kind];
        sharing.set(identifier.key, await graph.accountsSharing(identifier, { since, until }, plan.sharingLimit));
      }
      const code = request.discountCode;
      const [sourceOrders, weekOrders, blocklistHits, sourceFailedLookups] = await Promise.all([
        ordersFromSources(history, request.sources, at - plan.sourceOrdersMs, until, plan.sourceOrdersLimit),
        code ? ordersFromSources(history, request.sources, at - plan.sourceCodeMs, until, plan.sourceCodeLimit) : [],
        blocklist.lookup([...(request.accountIdentifier ? [request.accountIdentifier] : []), ...probes], at),
        failedLookupsFromSources(history, request.sources, at, until, plan.failedLookupsMs),
      ]);
      const sourceCodeUsers = new Set(
        weekOrders.filter((o) => o.discountCode === code && o.account !== account).map((o) => o.account),
      ).size;
      return {
        profile,
        known,
        priorOrders,
        accountOrders,
        sharing,
        sourceOrders,
        sourceCodeUsers,
        sourceFailedLookups,
        blocklistHits,
        async codeUsersAmong(accounts) {
          if (!code) return 0;
          const checks = await Promise.all(
            accounts.map(async (other) => {
              const orders = await history.ordersOfAccount(other, { since: at - plan.linkedCodeMs, until });
              return orders.some((order) => order.discountCode === code);
            }),
          );
          return checks.filter(Boolean).length;
        },
      };
    },
  };
}
