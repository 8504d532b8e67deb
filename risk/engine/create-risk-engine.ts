import { emptyBlocklist } from '../blocklist';
import { readEventFacts } from '../events';
import type { EventFacts, FailedLookupEvent, RiskEvent } from '../events';
import { identifiersFromEvent, lookupSources } from '../identity-graph';
import type { EventIdentifiers } from '../identity-graph';
import { DEFAULT_RULES, scoreFeatures } from '../scoring';
import { computeFeatures, RunningAmountStats } from '../signals';
import { gatherContext } from './gather-context';
import { storeContextReader } from './store-context-reader';
import type { Assessment, EventRecording, RiskEngineDeps } from './types';

/** Scores sign-ups and orders and remembers them; see {@link createRiskEngine}. */
export interface RiskEngine {
  /** Scores an event against what was known before it, without recording it. */
  score(event: RiskEvent): Promise<Assessment>;
  /** Records an event in the stores, so later events can see it. */
  record(event: RiskEvent): Promise<void>;
  /** Scores, then records: the normal path for `customers/create` and `orders/create`. */
  assess(event: RiskEvent): Promise<Assessment>;
  /**
   * Scores like `score` and returns what `record` would write, for a caller that writes it together
   * with the verdict in one statement; it must then call `recorded`.
   */
  scoreForRecording(event: RiskEvent): Promise<{ assessment: Assessment; recording: EventRecording; identifiers: EventIdentifiers }>;
  /** Learns from a recording the caller wrote itself (the shop's order-value statistics). */
  recorded(recording: EventRecording): void;
  /** Records a failed order-status look-up in chat by its hashed device and IP. */
  recordFailedLookup(lookup: Omit<FailedLookupEvent, 'type'>): Promise<void>;
}

interface Prepared {
  accountId: string;
  facts: EventFacts;
  ids: EventIdentifiers;
}

function accountOf(event: RiskEvent): string {
  return event.type === 'account' ? event.account : (event.account ?? `guest:${event.order}`);
}

function recordingOf(event: RiskEvent, { accountId, facts, ids }: Prepared): EventRecording {
  if (event.type === 'account') {
    const profile = { signedUp: true, emailDomain: ids.emailDomain, emailIsVariant: ids.emailIsVariant };
    return { account: accountId, at: event.at, identifiers: ids.all, profile };
  }
  return {
    account: accountId,
    at: event.at,
    identifiers: ids.all,
    profile: ids.emailDomain ? { emailDomain: ids.emailDomain, emailIsVariant: ids.emailIsVariant } : undefined,
    order: {
      order: event.order,
      amount: event.amount,
      discountCode: event.discountCode?.trim().toUpperCase() || undefined,
      paymentFailed: facts.paymentFailed,
      sources: [ids.byKind.device, ids.byKind.ip].filter((id) => id !== undefined),
    },
  };
}

/**
 * The risk engine over pluggable stores. Storage-agnostic and pure apart from the stores it is
 * given: the same code runs a backtest in memory and a shop's live traffic on Postgres.
 */
export function createRiskEngine(deps: RiskEngineDeps): RiskEngine {
  const rules = deps.rules ?? DEFAULT_RULES;
  const amountStats = deps.amountStats ?? new RunningAmountStats();
  const reader =
    deps.reader ?? storeContextReader({ graph: deps.graph, history: deps.history, blocklist: deps.blocklist ?? emptyBlocklist });

  const prepare = (event: RiskEvent): Prepared => {
    const accountId = accountOf(event);
    const facts = readEventFacts(event);
    const withAccount = event.type === 'order' ? { ...event, account: accountId } : event;
    return { accountId, facts, ids: identifiersFromEvent(withAccount, facts, deps.hasher) };
  };

  const scorePrepared = async (event: RiskEvent, prepared: Prepared): Promise<Assessment> => {
    const context = await gatherContext(event, prepared.accountId, prepared.facts, prepared.ids, {
      reader,
      amountSummary: amountStats.summary(),
    });
    const features = computeFeatures(context);
    return { verdict: scoreFeatures(features, rules, deps.model), features, blocklistHits: context.blocklistHits };
  };

  const recorded = (recording: EventRecording): void => {
    const order = recording.order;
    if (order?.amount !== undefined && !order.paymentFailed) amountStats.observe(order.amount);
  };

  const recordPrepared = async (event: RiskEvent, prepared: Prepared): Promise<void> => {
    const recording = recordingOf(event, prepared);
    if (recording.order) {
      const priorOrders = await deps.history.orderCount(recording.account, recording.at + 1);
      await deps.history.record({ ...recording.order, account: recording.account, at: recording.at, firstOrder: priorOrders === 0 });
    }
    await deps.graph.link(recording.account, recording.identifiers, recording.at, recording.profile);
    recorded(recording);
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
    async scoreForRecording(event) {
      const prepared = prepare(event);
      const assessment = await scorePrepared(event, prepared);
      return { assessment, recording: recordingOf(event, prepared), identifiers: prepared.ids };
    },
    recorded,
    recordFailedLookup: (lookup) => deps.history.recordFailedLookup({ at: lookup.at, sources: lookupSources(lookup, deps.hasher) }),
  };
}
