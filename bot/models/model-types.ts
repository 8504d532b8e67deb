/** An intent with its score. */
export interface ScoredIntent {
  intent: string;
  score: number;
}

/** What the bot needs of an intent model (training's `IntentModel` fits). */
export interface IntentClassifier {
  /** The decision threshold chosen when the model was trained. */
  readonly threshold: number;
  classify(text: string): Promise<{ intent: string; score: number; top: ScoredIntent[] }>;
}

/** Models the bot can fall back to when a shop has trained none in a language. */
export interface DefaultModels {
  /** Languages the default catalog covers. */
  languages(): readonly string[];
  get(language: string): Promise<IntentClassifier | undefined>;
}
