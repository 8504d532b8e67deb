/** The out-of-scope label, as in the data sets. */
const NONE = 'None';

/** F1 of one intent. */
export interface IntentF1 {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** A frequent confusion: gold intent predicted as another. */
export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

/** Classification metrics; `None` is the out-of-scope label. */
export interface IntentMetrics {
  count: number;
  /** Exact-label accuracy over every example, `None` included. */
  accuracy: number;
  /** Accuracy over in-scope examples (a `None` prediction counts as wrong); null when there are none. */
  inScopeAccuracy: number | null;
  /** Share of out-of-scope examples predicted `None`; null when there are none. */
  outOfScopeRecall: number | null;
  /** Macro-F1 over the gold intents (out-of-scope included when present). */
  macroF1: number;
  perIntent: IntentF1[];
  topConfusions: Confusion[];
}

/** Computes {@link IntentMetrics} from parallel gold and predicted labels. */
export function computeIntentMetrics(gold: readonly string[], predicted: readonly string[], confusionLimit = 10): IntentMetrics {
  if (gold.length !== predicted.length) throw new RangeError('gold and predicted must have the same length');
  const tp = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  const confusions = new Map<string, Confusion>();
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCaught = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    bump(goldCount, g);
    bump(predCount, p);
    if (g === p) {
      correct += 1;
      bump(tp, g);
    } else {
      const key = `${g}\u0000${p}`;
      const entry = confusions.get(key) ?? { gold: g, predicted: p, count: 0 };
      entry.count += 1;
      confusions.set(key, entry);
    }
    if (g === NONE) {
      oos += 1;
      if (p === NONE) oosCaught += 1;
    } else {
      inScope += 1;
      if (g === p) inScopeCorrect += 1;
    }
  });
  const perIntent = [...goldCount.keys()].sort().map((intent) => {
    const hits = tp.get(intent) ?? 0;
    const support = goldCount.get(intent) ?? 0;
    const precision = hits === 0 ? 0 : hits / (predCount.get(intent) ?? 1);
    const recall = support === 0 ? 0 : hits / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, precision, recall, f1, support };
  });
  return {
    count: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    inScopeAccuracy: inScope === 0 ? null : inScopeCorrect / inScope,
    outOfScopeRecall: oos === 0 ? null : oosCaught / oos,
    macroF1: perIntent.length === 0 ? 0 : perIntent.reduce((s, x) => s + x.f1, 0) / perIntent.length,
    perIntent,
    topConfusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold)).slice(0, confusionLimit),
  };
}

/** The q-quantile (0..1) of a list of numbers by nearest rank; 0 for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
