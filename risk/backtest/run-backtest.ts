import { randomBytes } from 'node:crypto';
import { createRiskEngine } from '../engine';
import type { Features } from '../signals';
import type { ReplayEvent } from '../events';
import { createIdentifierHasher, InMemoryIdentityGraphStore } from '../identity-graph';
import type { IdentifierHasher } from '../identity-graph';
import { InMemoryOrderHistoryStore } from '../order-history';
import type { BlocklistLookup } from '../blocklist';
import type { Decision, LearnedModel, Reason, RulesDocument } from '../scoring';

/** One output line of a backtest. */
export interface ScoredOrder {
  readonly order: string;
  readonly score: number;
  readonly decision: Decision;
  readonly reasons: readonly Reason[];
}

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  readonly rules?: RulesDocument;
  readonly model?: LearnedModel;
  readonly blocklist?: BlocklistLookup;
  /** Defaults to a random per-run key: a backtest keeps nothing. */
  readonly hasher?: IdentifierHasher;
  /** Called after each event with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with each order's features (for training and benchmarks). */
  readonly onFeatures?: (order: string, features: Features) => void;
}

/** Events in time order; ties keep their input order (a stable sort). */
export function sortEvents<E extends ReplayEvent>(events: readonly E[]): E[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index)
    .map(({ event }) => event);
}

/**
 * Replays events in time order through a fresh in-memory engine, scoring each order with only
 * what was known at its moment, and recording each event after it is scored (failed look-ups are
 * only recorded).
 */
export async function runBacktest(
  events: readonly ReplayEvent[],
  options: BacktestOptions = {},
): Promise<ScoredOrder[]> {
  const engine = createRiskEngine({
    graph: new InMemoryIdentityGraphStore(),
    history: new InMemoryOrderHistoryStore(),
    hasher: options.hasher ?? createIdentifierHasher(randomBytes(32)),
    blocklist: options.blocklist,
    rules: options.rules,
    model: options.model,
  });
  const sorted = sortEvents(events);
  const scored: ScoredOrder[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const event = sorted[index] as ReplayEvent;
    if (event.type === 'lookup_failed') {
      await engine.recordFailedLookup(event);
    } else if (event.type === 'order') {
      const { verdict, features } = await engine.assess(event);
      options.onFeatures?.(event.order, features);
      scored.push({
        order: event.order,
        score: verdict.score,
        decision: verdict.decision,
        reasons: verdict.reasons,
      });
    } else {
      await engine.record(event);
    }
    options.onProgress?.(index + 1, sorted.length);
  }
  return scored;
}
