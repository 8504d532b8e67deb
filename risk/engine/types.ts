import type { BlocklistHit, BlocklistLookup } from '../blocklist';
import type { Identifier, IdentifierHasher, IdentityGraphStore, ProfileUpdate } from '../identity-graph';
import type { OrderHistoryStore, OrderRecord } from '../order-history';
import type { LearnedModel, RulesDocument, Verdict } from '../scoring';
import type { Features, RunningAmountStats } from '../signals';
import type { ContextReader } from './context-reader';

/** What the risk engine needs; every store is an interface so Postgres can stand in for memory. */
export interface RiskEngineDeps {
  readonly graph: IdentityGraphStore;
  readonly history: OrderHistoryStore;
  readonly hasher: IdentifierHasher;
  readonly blocklist?: BlocklistLookup;
  /**
   * Reads an event's context in one go (a database answers in one statement); by default the
   * context is read question by question from `graph`, `history` and `blocklist`.
   */
  readonly reader?: ContextReader;
  /** The shop's rules; defaults to `DEFAULT_RULES`. */
  readonly rules?: RulesDocument;
  /** The shop's trained model, if it has enough outcomes for one. */
  readonly model?: LearnedModel;
  /** The shop's running order-value statistics (persist with toJSON between runs). */
  readonly amountStats?: RunningAmountStats;
}

/** A verdict together with the features behind it (kept for training and audit). */
export interface Assessment {
  readonly verdict: Verdict;
  readonly features: Features;
  /** The blocklist entries that matched, so a verdict can name their reasons. */
  readonly blocklistHits: readonly BlocklistHit[];
}

/** What recording one event writes: a link of the account to its identifiers and, for orders, the order. */
export interface EventRecording {
  readonly account: string;
  readonly at: number;
  readonly identifiers: readonly Identifier[];
  readonly profile?: ProfileUpdate;
  /** The order as history keeps it; whether it is the account's first is worked out by the store. */
  readonly order?: Omit<OrderRecord, 'account' | 'at' | 'firstOrder'>;
}
