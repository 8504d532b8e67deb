import { scoreSparse } from './int8-codec';
import type { QuantizedMatrix } from './int8-codec';
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
  /** Feature-major int8 weights (terms x intents), in the intent order of the model it belongs to. */
  weights: QuantizedMatrix;
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
    const { indices, values } = tfidfVector(extractTerms(text, tools, termOptions), this.index, idf);
    return scoreSparse(weights, bias, indices, values);
  }
}
