import { ValidationError } from '../../core/errors';
import { createRandom, shuffled } from '../evaluation';
import { chooseBlend, DEFAULT_BLEND, DEFAULT_SEMANTIC_BLEND } from './blend';
import { buildCorpus } from './build-corpus';
import { carveValidation } from './carve-validation';
import { chooseThreshold } from './choose-threshold';
import { FastNeuralNetwork } from './fast-neural-network';
import { fitLinearScorer } from './fit-linear-scorer';
import { quantizeMatrix } from './int8-codec';
import { defaultFeatureOptions } from './featurize';
import { IntentModel } from './intent-model';
import type { IntentModelParameters } from './intent-model';
import { getLanguageTools } from './language-tools';
import { fitSemanticScorer } from './semantic-scorer';
import { encodeSentences, sentenceEncoderFor } from './sentence-encoder';
import { defaultTermOptions } from './term-features';
import type { IntentExample, TrainIntentModelOptions } from './types';

const DEFAULT_SEED = 42;
// The network takes most of the time; the linear model the rest.
const NETWORK_SHARE = 0.8;
// Encoding every text once takes about as long as the two fits together.
const ENCODING_SHARE = 0.5;
// With no validation evidence, a blended best probability under 0.2 means no intent is a clear winner: abstain.
// The network alone scores on another scale, so it keeps the old prior of never abstaining.
const BLEND_THRESHOLD_PRIOR = 0.2;
const DEFAULT_MAX_IN_SCOPE_LOSS = 0.015;
const DEFAULT_MIN_OUT_OF_SCOPE_RECALL = 0.6;
// Large corpora converge in a few passes: on 5-fold splits of Banking77 and CLINC150 train, 10-15 epochs score as
// well as 30, at half the time. Small ones need more passes.
const epochsFor = (size: number) => Math.round(Math.max(15, Math.min(300, 200_000 / Math.max(1, size))));

interface FitSettings {
  lang: string;
  seed: number;
  iterations: number;
  linear: boolean;
  /** The sentence encoder of the semantic part, when the model has one. */
  encoder?: string;
}

type SentenceVectors = ReadonlyMap<string, Float32Array>;

function fitNetwork(ordered: readonly IntentExample[], settings: FitSettings, onEpoch: (fraction: number) => void): IntentModelParameters {
  const featureOptions = defaultFeatureOptions(settings.lang);
  const minCount = ordered.length >= 1000 ? 2 : 1;
  const corpus = buildCorpus(ordered, getLanguageTools(settings.lang), featureOptions, minCount);
  const network = new FastNeuralNetwork({ iterations: settings.iterations, log: (status) => onEpoch(status.iterations / settings.iterations) });
  network.train(corpus);
  const features = network.lookup.inputLookup.items;
  const intents = network.lookup.outputLookup.items;
  const weights = new Float32Array(features.length * intents.length);
  const bias = new Float32Array(intents.length);
  network.perceptrons.forEach((perceptron, i) => {
    bias[i] = perceptron.bias;
    for (let f = 0; f < features.length; f += 1) weights[f * intents.length + i] = perceptron.weights[f] as number;
  });
  return { lang: settings.lang, featureOptions, threshold: 0, alpha: network.settings.alpha, intents, features, bias, weights: quantizeMatrix(weights, features.length, intents.length) };
}

function fitModel(examples: readonly IntentExample[], settings: FitSettings, vectors: SentenceVectors | undefined, onProgress: (fraction: number) => void): IntentModel {
  // NLP.js learns in input order; grouped input costs Banking77 ~30 points, so always shuffle with the seed.
  const ordered = shuffled(examples, createRandom(settings.seed));
  const share = settings.linear ? NETWORK_SHARE : 1;
  const params = fitNetwork(ordered, settings, (f) => onProgress(f * share));
  if (!settings.linear) return new IntentModel(params);
  const linear = fitLinearScorer(ordered, params.intents, getLanguageTools(settings.lang), { termOptions: defaultTermOptions(settings.lang), seed: settings.seed });
  onProgress(1);
  if (!settings.encoder || !vectors) return new IntentModel({ ...params, linear: linear.params, blend: DEFAULT_BLEND });
  const column = new Map(params.intents.map((intent, i) => [intent, i]));
  const labels = Int32Array.from(ordered, (e) => column.get(e.intent) ?? -1);
  const semantic = fitSemanticScorer(
    ordered.map((e) => vectors.get(e.text) as Float32Array),
    labels,
    params.intents.length,
    settings.encoder,
    settings.seed,
  );
  return new IntentModel({ ...params, linear: linear.params, blend: { ...DEFAULT_BLEND, ...DEFAULT_SEMANTIC_BLEND }, semantic });
}

async function encodeAll(examples: readonly IntentExample[], onProgress: (fraction: number) => void): Promise<SentenceVectors> {
  const texts = [...new Set(examples.map((e) => e.text))];
  const vectors = await encodeSentences(texts, onProgress);
  return new Map(texts.map((text, i) => [text, vectors[i] as Float32Array]));
}

/**
 * The production intent pipeline: NLP.js's neural network over stems, stem bigrams and character n-grams,
 * blended with a linear SVM over TF-IDF stem and character n-grams, trained on seeded-shuffled data, and for
 * English with a linear SVM over pretrained sentence vectors.
 * The blend (temperatures, weight) and the decision threshold are chosen on validation data only.
 * Without a validation set, a stratified 10% of each intent and half of the out-of-scope lines are carved out of
 * training data to choose them, then the model is refitted on all the data.
 */
export async function trainIntentModel(examples: IntentExample[], options: TrainIntentModelOptions): Promise<IntentModel> {
  const usable = examples.filter((e) => e.text.trim().length > 0);
  if (usable.length === 0) {
    throw new ValidationError('Training needs at least one example with text');
  }
  getLanguageTools(options.lang);
  const settings: FitSettings = {
    lang: options.lang,
    seed: options.seed ?? DEFAULT_SEED,
    iterations: options.iterations ?? epochsFor(usable.length),
    linear: options.linear ?? true,
  };
  if (settings.linear && (options.semantic ?? true)) settings.encoder = sentenceEncoderFor(options.lang);
  const report = options.onProgress ?? (() => undefined);
  const objective = {
    maxInScopeLoss: options.maxInScopeLoss ?? DEFAULT_MAX_IN_SCOPE_LOSS,
    minOutOfScopeRecall: options.minOutOfScopeRecall ?? DEFAULT_MIN_OUT_OF_SCOPE_RECALL,
    prior: settings.linear ? BLEND_THRESHOLD_PRIOR : 0,
  };
  report(0);
  const encodingShare = settings.encoder ? ENCODING_SHARE : 0;
  const vectors = settings.encoder ? await encodeAll([...usable, ...(options.validation ?? [])], (f) => report(f * encodingShare)) : undefined;
  const progress = (f: number) => report(encodingShare + f * (1 - encodingShare));

  const carve = options.validation === undefined;
  const split = carve ? carveValidation(usable, settings.seed) : { train: usable, holdOut: options.validation ?? [] };
  const firstShare = carve ? 0.5 : 0.95;
  const first = fitModel(split.train, settings, vectors, (f) => progress(f * firstShare));
  const blend = settings.linear
    ? chooseBlend(
        split.holdOut.map((e) => {
          const vector = vectors?.get(e.text);
          return { gold: first.intents.indexOf(e.intent), network: first.networkScores(e.text), linear: first.linearMargins(e.text) ?? [], semantic: vector && first.semanticMargins(vector) };
        }),
      )
    : undefined;
  const tuned = blend ? first.withBlend(blend) : first;
  const scored = split.holdOut.map((e) => {
    const result = tuned.classifyEncoded(e.text, vectors?.get(e.text));
    return { gold: e.intent, best: result.top[0] ?? { intent: result.intent, score: 0 } };
  });
  const threshold = chooseThreshold(scored, objective);
  let final = tuned;
  if (carve) {
    final = fitModel(usable, settings, vectors, (f) => progress(firstShare + f * (1 - firstShare)));
    if (blend) final = final.withBlend(blend);
  }
  report(1);
  return final.withThreshold(threshold);
}
