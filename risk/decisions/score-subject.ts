import type { BlocklistHit } from '../blocklist';
import type { RiskEvent } from '../events';
import { createRiskEngine } from '../engine';
import type { RiskServiceDeps } from '../ports';
import type { Reason, Verdict } from '../scoring';
import { PostgresContextReader, PostgresIdentityGraphStore, PostgresOrderHistoryStore } from '../store';
import type { ShopConfigCache } from './shop-risk-config';
import { findVerdict, insertVerdictWithRecording, type VerdictRecord } from './verdict-record';

/** The outcome of scoring one order or account. */
export interface ScoreResult {
  verdict: VerdictRecord;
  /** False when the subject had been scored before (a retried job); nothing was recorded twice. */
  scored: boolean;
  /** Milliseconds spent assessing (stores + signals + score), without reading the mirror or storing the verdict. */
  assessMs: number;
}

const BLOCKLIST_WEIGHT = 8;

/** A blocked buyer is denied whatever the rules say, and the verdict names the entries' reasons. */
function withBlocklist(verdict: Verdict, hits: readonly BlocklistHit[]): Verdict {
  if (hits.length === 0) return verdict;
  const entries: Reason[] = [...new Map(hits.map((hit) => [`${hit.scope}:${hit.reason}`, hit])).values()]
    .slice(0, 3)
    .map((hit) => ({
      code: `blocklist-${hit.scope}`,
      description: `The ${hit.kind} is on ${hit.scope === 'shop' ? "this shop's" : 'the installation-wide'} blocklist: ${hit.reason}`.slice(0, 256),
      contribution: BLOCKLIST_WEIGHT,
    }));
  const reasons = [...entries, ...verdict.reasons.filter((reason) => !reason.code.startsWith('blocklist-'))].slice(0, 20);
  return { ...verdict, decision: 'deny', score: Math.max(verdict.score, 0.99), reasons };
}

/**
 * Assesses one event for a shop with its rules and model, and stores the verdict (once per
 * subject). `existingVerdictId` is what the caller already read of an earlier verdict (null: none);
 * left out, it is looked up. Three round trips when the shop's settings are cached: the caller's
 * read, the context read, and the statement that records the event and stores the verdict.
 */
export async function scoreSubject(
  deps: RiskServiceDeps,
  configs: ShopConfigCache,
  shopId: string,
  event: RiskEvent,
  subject: { type: 'order' | 'account'; id: string; customerId?: number },
  existingVerdictId?: string | null,
): Promise<ScoreResult> {
  const existing =
    existingVerdictId === null
      ? undefined
      : await findVerdict(deps.db, shopId, existingVerdictId === undefined ? { subjectType: subject.type, subjectId: subject.id } : { id: existingVerdictId });
  if (existing) return { verdict: existing, scored: false, assessMs: 0 };
  const started = performance.now();
  const config = await configs.get(shopId);
  const engine = createRiskEngine({
    graph: new PostgresIdentityGraphStore(deps.db, shopId),
    history: new PostgresOrderHistoryStore(deps.db, shopId),
    reader: new PostgresContextReader(deps.db, shopId),
    hasher: deps.hasher,
    rules: config.rules,
    model: config.model,
    amountStats: config.amountStats,
  });
  const { assessment, recording, identifiers } = await engine.scoreForRecording(event);
  const assessMs = performance.now() - started;
  const { record, inserted } = await insertVerdictWithRecording(
    deps.db,
    shopId,
    {
      subjectType: subject.type,
      subjectId: subject.id,
      customerId: subject.customerId,
      verdict: withBlocklist(assessment.verdict, assessment.blocklistHits),
      features: assessment.features,
      identifiers: Object.fromEntries(Object.entries(identifiers.byKind).map(([kind, id]) => [kind, id.key])),
      at: deps.clock.now(),
    },
    recording,
  );
  engine.recorded(recording);
  return { verdict: record, scored: inserted, assessMs };
}
