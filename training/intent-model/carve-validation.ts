import { stratifiedSplit } from '../evaluation';
import type { StratifiedSplit } from '../evaluation';
import { NONE_INTENT } from './types';
import type { IntentExample } from './types';

/** Share of each in-scope intent held out to fit the blend and the threshold. */
export const VALIDATION_SHARE = 0.1;
// The threshold is read off how many out-of-scope lines it catches, and a tenth of CLINC150's 100 is 10 lines,
// a 10-point step of recall. Half of them give a usable estimate; the refit on all data sees them all again.
const OUT_OF_SCOPE_VALIDATION_SHARE = 0.5;

/**
 * Carves a stratified validation set out of training data with a fixed seed: a tenth of each intent and
 * half of the out-of-scope (`None`) lines.
 */
export function carveValidation(examples: readonly IntentExample[], seed: number): StratifiedSplit<IntentExample> {
  const inScope = stratifiedSplit(
    examples.filter((e) => e.intent !== NONE_INTENT),
    { holdOutFraction: VALIDATION_SHARE, seed },
  );
  const outOfScope = stratifiedSplit(
    examples.filter((e) => e.intent === NONE_INTENT),
    { holdOutFraction: OUT_OF_SCOPE_VALIDATION_SHARE, seed },
  );
  return { train: [...inScope.train, ...outOfScope.train], holdOut: [...inScope.holdOut, ...outOfScope.holdOut] };
}
