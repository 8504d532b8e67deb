import { ValidationError } from '../../core/errors';
import { createRandom, shuffled, stratifiedSplit } from '../evaluation';
import { buildCorpus } from './build-corpus';
import { chooseThreshold } from './choose-threshold';
import { FastNeuralNetwork } from './fast-neural-network';
import { defaultFeatureOptions } from './featurize';
import type { FeatureOptions } from './featurize';
import { IntentModel } from './intent-model';
import { getLanguageTools } from './language-tools';
import type { IntentExample, TrainIntentModelOptions } from './types';

const DEFAULT_SEED = 42;
const VALIDATION_SHARE = 0.1;
// Large corpora converge in a few dozen epochs (more does not help Banking77); small ones need more passes.
const epochsFor = (size: number) => Math.round(Math.max(30, Math.min(300, 200_000 / Math.max(1, size))));

function fitNetwork(
  examples: readonly IntentExample[],
  lang: string,
  featureOptions: FeatureOptions,
  seed: number,
  iterations: number,
  onEpoch: (fraction: number) => void,
): IntentModel {
  const tools = getLanguageTools(lang);
  // NLP.js learns in input order; grouped input costs Banking77 ~30 points, so always shuffle with the seed.
  const ordered = shuffled(examples, createRandom(seed));
  const minCount = examples.length >= 1000 ? 2 : 1;
  const corpus = buildCorpus(ordered, tools, featureOptions, minCount);
  const network = new FastNeuralNetwork({
    iterations,
    log: (status) => onEpoch(status.iterations / iterations),
  });
  network.train(corpus);
  const features = network.lookup.inputLookup.items;
  const intents = network.lookup.outputLookup.items;
  const weights = new Float32Array(features.length * intents.length);
  const bias = new Float32Array(intents.length);
  network.perceptrons.forEach((perceptron, i) => {
    bias[i] = perceptron.bias;
    for (let f = 0; f < features.length; f += 1) weights[f * intents.length + i] = perceptron.weights[f] as number;
  });
  return new IntentModel({ lang, featureOptions, threshold: 0, alpha: network.settings.alpha, intents, features, bias, weights });
}

/**
 * The production intent pipeline: NLP.js's neural network over stems, stem bigrams and character n-grams,
 * trained on seeded-shuffled data, with a decision threshold chosen on validation data only.
 * Without a validation set, a stratified 10% is carved out of training data to choose the threshold,
 * then the model is refitted on all the data.
 */
export async function trainIntentModel(examples: IntentExample[], options: TrainIntentModelOptions): Promise<IntentModel> {
  const usable = examples.filter((e) => e.text.trim().length > 0);
  if (usable.length === 0) {
    throw new ValidationError('Training needs at least one example with text');
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const featureOptions = defaultFeatureOptions(options.lang);
  const progress = options.onProgress ?? (() => undefined);
  const iterations = options.iterations ?? epochsFor(usable.length);
  const maxLoss = options.maxInScopeLoss ?? 0.015;
  progress(0);

  const carve = options.validation === undefined;
  const split = carve ? stratifiedSplit(usable, { holdOutFraction: VALIDATION_SHARE, seed }) : { train: usable, holdOut: options.validation ?? [] };
  const firstShare = carve ? 0.5 : 0.95;
  const first = fitNetwork(split.train, options.lang, featureOptions, seed, iterations, (f) => progress(f * firstShare));
  const scored = split.holdOut.map((e) => {
    const result = first.classify(e.text);
    return { gold: e.intent, best: result.top[0] ?? { intent: result.intent, score: 0 } };
  });
  const threshold = chooseThreshold(scored, maxLoss);
  const final = carve
    ? fitNetwork(usable, options.lang, featureOptions, seed, iterations, (f) => progress(firstShare + f * (1 - firstShare)))
    : first;
  progress(1);
  return final.withThreshold(threshold);
}
