import { createRandom, shuffled } from './seeded-random';

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions {
  /** Share of each intent's examples that goes to the held-out part, in (0, 1). */
  holdOutFraction: number;
  seed: number;
}

/** The two parts of a split. */
export interface StratifiedSplit<T> {
  train: T[];
  holdOut: T[];
}

/**
 * Splits examples per intent with a fixed seed, so every intent keeps its share in both parts.
 * Intents with a single example stay in training: they cannot be learnt otherwise.
 */
export function stratifiedSplit<T extends { intent: string }>(examples: readonly T[], options: StratifiedSplitOptions): StratifiedSplit<T> {
  const random = createRandom(options.seed);
  const byIntent = new Map<string, T[]>();
  for (const example of examples) {
    const group = byIntent.get(example.intent) ?? [];
    group.push(example);
    byIntent.set(example.intent, group);
  }
  const train: T[] = [];
  const holdOut: T[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = shuffled(byIntent.get(intent) as T[], random);
    const count = group.length < 2 ? 0 : Math.max(1, Math.min(group.length - 1, Math.round(group.length * options.holdOutFraction)));
    holdOut.push(...group.slice(0, count));
    train.push(...group.slice(count));
  }
  return { train, holdOut };
}
