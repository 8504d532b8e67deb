import { createHash } from 'node:crypto';

/** Options of {@link holdOutByIntent}. */
export interface HoldOutOptions {
  /** Share of each intent's labelled turns kept for evaluation. */
  fraction: number;
  /** Mixed into the ranking so shops don't share a pattern. */
  salt: string;
}

const rank = (salt: string, id: string) => createHash('sha256').update(`${salt}:${id}`).digest('hex');

/**
 * Splits labelled turns per intent into training and held-out parts. Membership is ranked by a hash of
 * each label's id rather than a shuffle, so a turn held out tonight stays held out as labels accumulate:
 * the live model, trained on an earlier split, has (almost always) never seen tonight's held-out turns.
 * Intents with a single turn stay in training, as in `stratifiedSplit`.
 */
export function holdOutByIntent<T extends { id: string; intent: string }>(items: readonly T[], options: HoldOutOptions): { train: T[]; heldOut: T[] } {
  const byIntent = new Map<string, T[]>();
  for (const item of items) byIntent.set(item.intent, [...(byIntent.get(item.intent) ?? []), item]);
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const group = (byIntent.get(intent) as T[]).slice().sort((a, b) => rank(options.salt, a.id).localeCompare(rank(options.salt, b.id)));
    const count = group.length < 2 ? 0 : Math.max(1, Math.min(group.length - 1, Math.round(group.length * options.fraction)));
    heldOut.push(...group.slice(0, count));
    train.push(...group.slice(count));
  }
  return { train, heldOut };
}
