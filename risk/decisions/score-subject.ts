import { readEventFacts, type RiskEvent } from '../events';
import { createRiskEngine } from '../engine';
import { identifiersFromEvent } from '../identity-graph';
import type { RiskServiceDeps } from '../ports';
import type { Reason, Verdict } from '../scoring';
import type { BlocklistHit } from '../blocklist';
import { inTransaction, PostgresContextReader, PostgresIdentityGraphStore, PostgresOrderHistoryStore, type Queryable } from '../store';
import type { ShopConfigCache } from './shop-risk-config';
import { findVerdict, insertVerdict, type VerdictRecord } from './verdict-record';

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

/** Assesses one event for a shop with its rules and model, and stores the verdict (once per subject). */
export async function scoreSubject(
  deps: RiskServiceDeps,
  configs: ShopConfigCache,
  shopId: string,
  event: RiskEvent,
  subject: { type: 'order' | 'account'; id: string; customerId?: number },
): Promise<ScoreResult> {
  const existing = await findVerdict(deps.db, shopId, { subjectType: subject.type, subjectId: subject.id });
  if (existing) return { verdict: existing, scored: false, assessMs: 0 };
  const started = performance.now();
  const config = await configs.get(shopId);
  const engineOn = (db: Queryable) =>
    createRiskEngine({
      graph: new PostgresIdentityGraphStore(db, shopId),
      history: new PostgresOrderHistoryStore(db, shopId),
      hasher: deps.hasher,
      reader: new PostgresContextReader(db, shopId),
      rules: config.rules,
      model: config.model,
      amountStats: config.amountStats,
    });
  // The context is read in one statement; the writes share one commit.
  const assessment = await engineOn(deps.db).score(event);
  const assessMs = performance.now() - started;
  const account = event.type === 'order' ? (event.account ?? `guest:${event.order}`) : event.account;
  const ids = identifiersFromEvent({ ...event, account } as RiskEvent, readEventFacts(event), deps.hasher);
  const identifiers = Object.fromEntries(Object.entries(ids.byKind).map(([kind, id]) => [kind, id.key]));
  const { record, inserted } = await inTransaction(deps.db, async (db) => {
    await engineOn(db).record(event);
    return insertVerdict(db, shopId, {
      subjectType: subject.type,
      subjectId: subject.id,
      customerId: subject.customerId,
      verdict: withBlocklist(assessment.verdict, assessment.blocklistHits),
      features: assessment.features,
      identifiers,
      at: deps.clock.now(),
    });
  });
  return { verdict: record, scored: inserted, assessMs };
}
