import { emptyBlocklist } from '../blocklist';
import { readEventFacts } from '../events';
import type { AccountEvent, EventFacts, OrderEvent, RiskEvent } from '../events';
import { identifiersFromEvent } from '../identity-graph';
import type { EventIdentifiers } from '../identity-graph';
import { DEFAULT_RULES, scoreFeatures } from '../scoring';
import { computeFeatures, RunningAmountStats } from '../signals';
import { gatherContext } from './gather-context';
import type { Assessment, RiskEngineDeps } from './types';

/** Scores sign-ups and orders and remembers them; see {@link createRiskEngine}. */
export interface RiskEngine {
  /** Scores an event against what was known before it, without recording it. */
  score(event: RiskEvent): Promise<Assessment>;
  /** Records an event in the stores, so later events can see it. */
  record(event: RiskEvent): Promise<void>;
  /** Scores, then records: the normal path for `customers/create` and `orders/create`. */
  assess(event: RiskEvent): Promise<Assessment>;
}

interface Prepared {
  accountId: string;
  facts: EventFacts;
  ids: EventIdentifiers;
}

function accountOf(event: RiskEvent): string {
  return event.type === 'account' ? event.account : (event.account ?? `guest:${event.order}`);
}

/**
 * The risk engine over pluggable stores. Storage-agnostic and pure apart from the stores it is
 * given: the same code runs a backtest in memory and a shop's live traffic on Postgres.
 */
export function createRiskEngine(deps: RiskEngineDeps): RiskEngine {
  const rules = deps.rules ?? DEFAULT_RULES;
  const blocklist = deps.blocklist ?? emptyBlocklist;
  const amountStats = deps.amountStats ?? new RunningAmountStats();

  const prepare = (event: RiskEvent): Prepared => {
    const accountId = accountOf(event);
    const facts = readEventFacts(event);
    const withAccount = event.type === 'order' ? { ...event, account: accountId } : event;
    return { accountId, facts, ids: identifiersFromEvent(withAccount, facts, deps.hasher) };
  };

  const scorePrepared = async (event: RiskEvent, prepared: Prepared): Promise<Assessment> => {
    const context = await gatherContext(event, prepared.accountId, prepared.facts, prepared.ids, {
      graph: deps.graph,
      history: deps.history,
      blocklist,
      amountSummary: amountStats.summary(),
    });
    const features = computeFeatures(context);
    return { verdict: scoreFeatures(features, rules, deps.model), features };
  };

  const recordPrepared = async (event: RiskEvent, prepared: Prepared): Promise<void> => {
    if (event.type === 'account') {
      await recordAccount(event, prepared);
      return;
    }
    await recordOrder(event, prepared);
  };

  const recordAccount = async (event: AccountEvent, { accountId, ids }: Prepared): Promise<void> => {
    await deps.graph.link(accountId, ids.all, event.at, {
      signedUp: true,
      emailDomain: ids.emailDomain,
      emailIsVariant: ids.emailIsVariant,
    });
  };

  const recordOrder = async (event: OrderEvent, { accountId, facts, ids }: Prepared): Promise<void> => {
    const priorOrders = await deps.history.orderCount(accountId, event.at + 1);
    await deps.history.record({
      order: event.order,
      account: accountId,
      at: event.at,
      amount: event.amount,
      discountCode: event.discountCode?.trim().toUpperCase() || undefined,
      firstOrder: priorOrders === 0,
      paymentFailed: facts.paymentFailed,
      sources: [ids.byKind.device, ids.byKind.ip].filter((id) => id !== undefined),
    });
    const profile = ids.emailDomain
      ? { emailDomain: ids.emailDomain, emailIsVariant: ids.emailIsVariant }
      : undefined;
    await deps.graph.link(accountId, ids.all, event.at, profile);
    if (event.amount !== undefined && !facts.paymentFailed) amountStats.observe(event.amount);
  };

  return {
    score: (event) => scorePrepared(event, prepare(event)),
    record: (event) => recordPrepared(event, prepare(event)),
    assess: async (event) => {
      const prepared = prepare(event);
      const assessment = await scorePrepared(event, prepared);
      await recordPrepared(event, prepared);
      return assessment;
    },
  };
}
