import type { IntentExample } from '../intent-model';
import { NONE_INTENT } from '../intent-model';
import { holdOutByIntent } from './hold-out';

/** A trainer's label as the corpus builder reads it (redacted text). */
export interface LabelledTurn {
  id: string;
  text: string;
  intent: string;
}

/** A turn the bot answered confidently, from the redacted corpus. */
export interface ConfidentTurn {
  text: string;
  intent: string;
  score: number;
}

/** Everything a shop's corpus is built from, for one language. */
export interface CorpusSources {
  shopId: string;
  language: string;
  /** Catalog phrasings (default catalog), out-of-scope ones labelled `None`. */
  catalog: IntentExample[];
  labels: LabelledTurn[];
  confidentTurns: ConfidentTurn[];
}

/** Knobs of {@link assembleCorpus}. */
export interface CorpusOptions {
  /** Share of each intent's labelled turns held out for evaluation (default 0.2). */
  holdOutFraction?: number;
  /** Bot turns at or above this score count as confidently labelled (default 0.9). */
  confidentScore?: number;
  /** At most this many confident turns per intent, so self-labelled data can't drown the rest (default 50). */
  maxConfidentPerIntent?: number;
}

/** What training and evaluation get, with where the examples came from. */
export interface TrainingCorpus {
  train: IntentExample[];
  heldOut: IntentExample[];
  counts: { catalog: number; labels: number; confidentTurns: number; none: number; heldOut: number; intents: number };
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Builds the training set and the held-out evaluation set of one shop and language. Trainers' labels win
 * over catalog phrasings and the bot's own guesses for the same text; no held-out text reaches training.
 */
export function assembleCorpus(sources: CorpusSources, options: CorpusOptions = {}): TrainingCorpus {
  const confidentScore = options.confidentScore ?? 0.9;
  const perIntentCap = options.maxConfidentPerIntent ?? 50;
  const labels = sources.labels.filter((l) => normalize(l.text).length > 0);
  const split = holdOutByIntent(labels, { fraction: options.holdOutFraction ?? 0.2, salt: `${sources.shopId}:${sources.language}` });
  const heldOutTexts = new Set(split.heldOut.map((l) => normalize(l.text)));
  const seen = new Set(heldOutTexts);
  const train: IntentExample[] = [];
  const add = (text: string, intent: string): boolean => {
    const key = normalize(text);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    train.push({ text, intent });
    return true;
  };
  let fromLabels = 0;
  for (const label of split.train) if (add(label.text, label.intent)) fromLabels += 1;
  let fromCatalog = 0;
  for (const example of sources.catalog) if (add(example.text, example.intent)) fromCatalog += 1;
  let fromTurns = 0;
  const perIntent = new Map<string, number>();
  const confident = sources.confidentTurns.filter((t) => t.intent !== NONE_INTENT && t.score >= confidentScore);
  for (const turn of confident) {
    const used = perIntent.get(turn.intent) ?? 0;
    if (used >= perIntentCap) continue;
    if (add(turn.text, turn.intent)) {
      perIntent.set(turn.intent, used + 1);
      fromTurns += 1;
    }
  }
  const heldOut = split.heldOut.map((l) => ({ text: l.text, intent: l.intent }));
  return {
    train,
    heldOut,
    counts: {
      catalog: fromCatalog,
      labels: fromLabels,
      confidentTurns: fromTurns,
      none: train.filter((e) => e.intent === NONE_INTENT).length,
      heldOut: heldOut.length,
      intents: new Set(train.map((e) => e.intent)).size,
    },
  };
}
