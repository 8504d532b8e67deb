import { ValidationError } from '../../core/errors';
import { createRandom, shuffled } from '../evaluation';
import { chooseBlend, DEFAULT_BLEND } from './blend';
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
import { defaultTermOptions } from './term-features';
import type { IntentExample, TrainIntentModelOptions } from './types';

const DEFAULT_SEED = 42;
// The network takes most of the time; the linear model the rest.
const NETWORK_SHARE = 0.8;
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
}

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

function fitModel(examples: readonly IntentExample[], settings: FitSettings, onProgress: (fraction: number) => void): IntentModel {
  // NLP.js learns in input order; grouped input costs Banking77 ~30 points, so always shuffle with the seed.
  const ordered = shuffled(examples, createRandom(settings.seed));
  const share = settings.linear ? NETWORK_SHARE : 1;
  const params = fitNetwork(ordered, settings, (f) => onProgress(f * share));
  if (!settings.linear) return new IntentModel(params);
  const linear = fitLinearScorer(ordered, params.intents, getLanguageTools(settings.lang), { termOptions: defaultTermOptions(settings.lang), seed: settings.seed });
  onProgress(1);
  return new IntentModel({ ...params, linear: linear.params, blend: DEFAULT_BLEND });
}

/**
 * The production intent pipeline: NLP.js's neural network over stems, stem bigrams and character n-grams,
 * blended with a linear SVM over TF-IDF stem and character n-grams, trained on seeded-shuffled data.
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
  const progress = options.onProgress ?? (() => undefined);
  const objective = {
    maxInScopeLoss: options.maxInScopeLoss ?? DEFAULT_MAX_IN_SCOPE_LOSS,
    minOutOfScopeRecall: options.minOutOfScopeRecall ?? DEFAULT_MIN_OUT_OF_SCOPE_RECALL,
    prior: settings.linear ? BLEND_THRESHOLD_PRIOR : 0,
  };
  progress(0);

  const carve = options.validation === undefined;
  const split = carve ? carveValidation(usable, settings.seed) : { train: usable, holdOut: options.validation ?? [] };
  const firstShare = carve ? 0.5 : 0.95;
  const first = fitModel(split.train, settings, (f) => progress(f * firstShare));
  const blend = settings.linear
    ? chooseBlend(
        split.holdOut.map((e) => ({ gold: first.intents.indexOf(e.intent), network: first.networkScores(e.text), linear: first.linearMargins(e.text) ?? [] })),
      )
    : undefined;
  const tuned = blend ? first.withBlend(blend) : first;
  const scored = split.holdOut.map((e) => {
    const result = tuned.classify(e.text);
    return { gold: e.intent, best: result.top[0] ?? { intent: result.intent, score: 0 } };
  });
  const threshold = chooseThreshold(scored, objective);
  let final = tuned;
  if (carve) {
    final = fitModel(usable, settings, (f) => progress(firstShare + f * (1 - firstShare)));
    if (blend) final = final.withBlend(blend);
  }
  progress(1);
  return final.withThreshold(threshold);
}
