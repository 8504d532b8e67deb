// node-nlp ships no types; this declares only the parts storedesk uses.
declare module 'node-nlp' {
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

  export interface NlpPipelineTool {
    normalize?(text: string): string;
    tokenize?(text: string, normalize?: boolean): string[];
    stem?(tokens: string[]): string[];
  }

  export class NlpManager {
    constructor(settings?: { languages?: string[]; forceNER?: boolean; autoSave?: boolean; nlu?: { log?: boolean } });
    container: { get(name: string): NlpPipelineTool | undefined };
  }
}
