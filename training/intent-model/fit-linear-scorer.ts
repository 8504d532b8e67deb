import { quantizeMatrix } from './int8-codec';
import { trainLinearSvm } from './linear-svm';
import { LinearScorer } from './linear-scorer';
import type { LanguageTools } from './language-tools';
import { extractTerms } from './term-features';
import type { TermOptions } from './term-features';
import { fitTfidf, indexTerms, tfidfVector } from './tfidf';
import type { IntentExample } from './types';

// Dual coordinate descent stops on its tolerance first on small corpora; on Banking77 and CLINC150 (5-fold splits
// of train) 10 passes score the same as 30 and take a third of the time.
const DEFAULT_EPOCHS = 10;

/** Settings of {@link fitLinearScorer}; chosen on held-out splits of Banking77 and CLINC150 train. */
export interface LinearFitOptions {
  termOptions: TermOptions;
  seed: number;
  c?: number;
  epochs?: number;
}

/**
 * Trains the linear model on TF-IDF terms (one-vs-rest linear SVM), in the intent order given, so that its
 * margins line up with the network's scores. Terms seen in a single example are dropped on corpora of 1,000+.
 */
export function fitLinearScorer(examples: readonly IntentExample[], intents: readonly string[], tools: LanguageTools, options: LinearFitOptions): LinearScorer {
  const documents = examples.map((e) => extractTerms(e.text, tools, options.termOptions));
  const vocabulary = fitTfidf(documents, examples.length >= 1000 ? 2 : 1);
  const index = indexTerms(vocabulary);
  const rows = documents.map((d) => tfidfVector(d, index, vocabulary.idf));
  const column = new Map(intents.map((intent, i) => [intent, i]));
  const labels = Int32Array.from(examples, (e) => column.get(e.intent) ?? -1);
  const termCount = vocabulary.terms.length;
  const svm = trainLinearSvm(rows, labels, intents.length, termCount, { c: options.c ?? 2, epochs: options.epochs ?? DEFAULT_EPOCHS, seed: options.seed });
  // Serving reads one term's row of every intent at once, so store it feature-major.
  const weights = new Float32Array(termCount * intents.length);
  for (let k = 0; k < intents.length; k += 1) {
    for (let t = 0; t < termCount; t += 1) weights[t * intents.length + k] = svm.weights[k * termCount + t] as number;
  }
  return new LinearScorer({ termOptions: options.termOptions, terms: vocabulary.terms, idf: vocabulary.idf, weights: quantizeMatrix(weights, termCount, intents.length), bias: svm.bias });
}
