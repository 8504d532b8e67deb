// NLP.js's packages ship no types; this declares only the parts storedesk uses.
declare module '@nlpjs/neural' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean | ((status: NeuralNetworkStatus, elapsedMs: number) => void);
  }

  export interface NeuralNetworkStatus {
    error: number;
    deltaError: number;
    iterations: number;
  }

  export interface CorpusItem {
    input: Record<string, number>;
    output: Record<string, number>;
  }

  export interface PreparedVector {
    keys: number[];
    data: Record<number, number>;
  }

  export interface PreparedItem {
    input: PreparedVector;
    output: PreparedVector;
  }

  export interface Perceptron {
    name: string;
    id: number;
    weights: Float32Array;
    changes: Float32Array;
    bias: number;
  }

  export interface NeuralNetworkJson {
    settings: NeuralNetworkSettings;
    features?: string[];
    intents?: string[];
    perceptrons?: number[][];
  }

  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    settings: Required<Omit<NeuralNetworkSettings, 'log'>> & { log: NeuralNetworkSettings['log'] };
    perceptrons: Perceptron[];
    status: NeuralNetworkStatus;
    decayLearningRate: number;
    lookup: {
      inputLookup: { items: string[]; dict: Record<string, number> };
      outputLookup: { items: string[]; dict: Record<string, number> };
    };
    train(corpus: CorpusItem[]): NeuralNetworkStatus;
    trainPerceptron(perceptron: Perceptron, data: PreparedItem[]): number;
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralNetworkJson;
    fromJSON(json: NeuralNetworkJson): void;
  }

}

declare module '@nlpjs/language' {
  export interface LanguageGuess {
    alpha3: string;
    alpha2: string;
    language: string;
    score: number;
  }

  export class Language {
    guess(text: string, allowList?: string[], limit?: number): LanguageGuess[];
    guessBest(text: string, allowList?: string[]): LanguageGuess;
  }

}

declare module '@nlpjs/core' {
  /** A normalizer, tokenizer or stemmer of one language, as the container holds it. */
  export interface NlpPipelineTool {
    normalize(text: string, force?: boolean): string;
    tokenize(text: string, normalize?: boolean): string[];
    /** What `tokenize` runs on normalised text, without its memo. */
    innerTokenize(text: string, normalize?: boolean): string[];
    stem(tokens: string[]): string[];
  }

  /** A language tool class; the container constructs it with itself. */
  export type NlpPipelineClass = new (settings: { container: Container }) => Partial<NlpPipelineTool>;

  export class Container {
    constructor(hasPrefix?: boolean);
    use(item: NlpPipelineClass): string;
    get(name: string): NlpPipelineTool | undefined;
  }
}

declare module '@nlpjs/lang-en-min' {
  import type { NlpPipelineClass } from '@nlpjs/core';
  export const NormalizerEn: NlpPipelineClass;
  export const TokenizerEn: NlpPipelineClass;
  export const StemmerEn: NlpPipelineClass;
}

declare module '@nlpjs/lang-ms' {
  import type { NlpPipelineClass } from '@nlpjs/core';
  export const NormalizerMs: NlpPipelineClass;
  export const TokenizerMs: NlpPipelineClass;
  export const StemmerMs: NlpPipelineClass;
}

declare module '@nlpjs/lang-ta' {
  import type { NlpPipelineClass } from '@nlpjs/core';
  export const NormalizerTa: NlpPipelineClass;
  export const TokenizerTa: NlpPipelineClass;
  export const StemmerTa: NlpPipelineClass;
}
