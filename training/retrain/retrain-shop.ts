import type { Clock } from '../../core/clock';
import { systemClock } from '../../core/clock';
import type { Db } from '../../db';
import type { CorpusOptions } from '../corpus-builder';
import { assembleCorpus, loadCorpusSources } from '../corpus-builder';
import type { AnswerCatalog } from '../default-catalog';
import { loadDefaultCatalog } from '../default-catalog';
import type { IntentExample, TrainIntentModelOptions } from '../intent-model';
import { loadIntentModel, trainIntentModel } from '../intent-model';
import { loadActiveModelVersion, storeModelVersion } from '../model-versions';
import type { Classifier, GateDecision, PromotionRule } from '../promotion';
import { decidePromotion, evaluateModel, summarizeMetrics } from '../promotion';
import type { TrainingTrigger } from './training-runs';
import { failTrainingRun, finishTrainingRun, startTrainingRun } from './training-runs';

/** A trained model: it classifies and serialises (training's `IntentModel` fits). */
export interface TrainedModel extends Classifier {
  toJSON(): unknown;
}

/** What {@link createRetrainer} needs; only `db` is required. */
export interface RetrainDeps {
  db: Db;
  /** The catalog whose phrasings every shop trains on; the shipped default catalog unless given. */
  catalog?: AnswerCatalog;
  clock?: Clock;
  /** The production pipeline (`trainIntentModel`) unless given. */
  train?: (examples: IntentExample[], options: TrainIntentModelOptions) => Promise<TrainedModel>;
  /** Rebuilds the live model from its JSON (`loadIntentModel`) unless given. */
  load?: (json: unknown) => Classifier;
  rule?: PromotionRule;
  corpus?: CorpusOptions;
  /** Passed to the trainer (seed, epochs); the pipeline's defaults unless given. */
  trainOptions?: Pick<TrainIntentModelOptions, 'seed' | 'iterations' | 'linear'>;
  /** A run still `running` after this long is taken for dead (default 2 hours). */
  staleRunMs?: number;
}

/** Options of one retraining. */
export interface RetrainOptions {
  trigger?: TrainingTrigger;
  /** Finished fraction in [0, 1]; a throw here aborts the run like a crash would. */
  onProgress?: (fraction: number) => void;
}

/** What a retraining did. */
export interface RetrainResult {
  runId: string;
  version: number;
  versionId: string;
  promoted: boolean;
  gate: GateDecision;
  corpus: ReturnType<typeof assembleCorpus>['counts'] & { size: number };
  candidate: ReturnType<typeof summarizeMetrics> | null;
  live: (ReturnType<typeof summarizeMetrics> & { version: number }) | null;
  trainingSeconds: number;
  modelBytes: number;
}

/** Retrains shops' intent models. */
export interface Retrainer {
  /**
   * Builds the shop's corpus, trains, evaluates the candidate and the live model on the same held-out
   * turns, stores the candidate as a version and promotes it only when the gate says it is not worse.
   * A failure anywhere leaves the live model as it was and marks the run failed.
   */
  retrainShop(shopId: string, language: string, options?: RetrainOptions): Promise<RetrainResult>;
}

const TRAINING_SANITY_SAMPLE = 2000;

/** Builds the {@link Retrainer}; training is CPU-bound, so call it from a job or the CLI, never from a request. */
export function createRetrainer(deps: RetrainDeps): Retrainer {
  const clock = deps.clock ?? systemClock;
  const train = deps.train ?? trainIntentModel;
  const load = deps.load ?? loadIntentModel;
  const catalog = () => deps.catalog ?? loadDefaultCatalog();

  async function liveEvaluation(shopId: string, language: string, heldOut: IntentExample[]) {
    const active = await loadActiveModelVersion(deps.db, shopId, language);
    if (!active) return { hasLive: false, live: null };
    if (heldOut.length === 0) return { hasLive: true, live: null };
    const { metrics } = await evaluateModel(load(active.model), heldOut);
    return { hasLive: true, live: { metrics, version: active.version } };
  }

  return {
    async retrainShop(shopId, language, options = {}) {
      const progress = options.onProgress ?? (() => undefined);
      const runId = await startTrainingRun(deps.db, { shopId, language, trigger: options.trigger ?? 'cli', now: clock.now(), staleMs: deps.staleRunMs ?? 2 * 3_600_000 });
      try {
        const sources = await loadCorpusSources(deps.db, shopId, language, { catalog: catalog(), confidentScore: deps.corpus?.confidentScore });
        const corpus = assembleCorpus(sources, deps.corpus);
        progress(0.05);
        const started = performance.now();
        const model = await train(corpus.train, { ...deps.trainOptions, lang: language, onProgress: (f) => progress(0.05 + 0.85 * f) });
        const trainingSeconds = Math.round(performance.now() - started) / 1000;
        const json = model.toJSON();
        const modelBytes = Buffer.byteLength(JSON.stringify(json));
        const fit = (await evaluateModel(model, corpus.train.slice(0, TRAINING_SANITY_SAMPLE))).metrics;
        const candidate = corpus.heldOut.length > 0 ? (await evaluateModel(model, corpus.heldOut)).metrics : null;
        const { hasLive, live } = await liveEvaluation(shopId, language, corpus.heldOut);
        progress(0.95);
        const gate = decidePromotion({ trainingAccuracy: fit.accuracy, candidate, live: live?.metrics ?? null, hasLiveModel: hasLive }, deps.rule);
        const summary = {
          candidate: candidate ? summarizeMetrics(candidate) : null,
          live: live ? { ...summarizeMetrics(live.metrics), version: live.version } : null,
        };
        const counts = { ...corpus.counts, size: corpus.train.length };
        const metrics = {
          ...(summary.candidate ?? {}),
          heldOutSize: corpus.heldOut.length,
          trainingAccuracy: Math.round(fit.accuracy * 10_000) / 10_000,
          live: summary.live,
          gate,
          corpus: counts,
          trainingSeconds,
          modelBytes,
          runId,
          trigger: options.trigger ?? 'cli',
        };
        const stored = await storeModelVersion(deps.db, { shopId, language, model: json, metrics, corpusSize: counts.size, promote: gate.promote });
        await finishTrainingRun(
          deps.db,
          shopId,
          runId,
          {
            corpusSize: counts.size,
            heldOutSize: corpus.heldOut.length,
            trainingMs: Math.round(trainingSeconds * 1000),
            modelBytes,
            evaluation: { ...summary, gate },
            promoted: gate.promote,
            versionId: stored.id,
          },
          clock.now(),
        );
        progress(1);
        return { runId, version: stored.version, versionId: stored.id, promoted: gate.promote, gate, corpus: counts, ...summary, trainingSeconds, modelBytes };
      } catch (error) {
        await failTrainingRun(deps.db, shopId, runId, error, clock.now());
        throw error;
      }
    },
  };
}
