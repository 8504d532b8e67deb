import type { LanguageTools } from './language-tools';
import { extractTerms } from './term-features';
import type { TermOptions } from './term-features';
import { indexTerms, tfidfVector } from './tfidf';
import type { TermIndex } from './tfidf';

/** The trained parameters of the linear TF-IDF model that runs beside the NLP.js network. */
export interface LinearParameters {
  termOptions: TermOptions;
  terms: string[];
  idf: Float32Array;
  /** Feature-major weights (terms x intents), in the intent order of the model it belongs to. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Scores texts with a linear model over TF-IDF terms: one raw margin per intent. */
export class LinearScorer {
  readonly params: LinearParameters;
  private readonly index: TermIndex;

  constructor(params: LinearParameters) {
    this.params = params;
    this.index = indexTerms(params);
  }

  /** Raw margins, one per intent (higher is more likely). */
  margins(text: string, tools: LanguageTools): Float64Array {
    const { weights, bias, idf, termOptions } = this.params;
    const count = bias.length;
    const sums = Float64Array.from(bias);
    const { indices, values } = tfidfVector(extractTerms(text, tools, termOptions), this.index, idf);
    for (let q = 0; q < indices.length; q += 1) {
      const offset = (indices[q] as number) * count;
      const value = values[q] as number;
      for (let i = 0; i < count; i += 1) sums[i] = (sums[i] as number) + value * (weights[offset + i] as number);
    }
    return sums;
  }
}
