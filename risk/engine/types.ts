import type { BlocklistLookup } from '../blocklist';
import type { IdentifierHasher, IdentityGraphStore } from '../identity-graph';
import type { OrderHistoryStore } from '../order-history';
import type { LearnedModel, RulesDocument, Verdict } from '../scoring';
import type { Features, RunningAmountStats } from '../signals';

/** What the risk engine needs; every store is an interface so Postgres can stand in for memory. */
export interface RiskEngineDeps {
  readonly graph: IdentityGraphStore;
  readonly history: OrderHistoryStore;
  readonly hasher: IdentifierHasher;
  readonly blocklist?: BlocklistLookup;
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
}
