export { smallestGroupSize, checkKAnonymity, effectiveK, DEFAULT_K, MIN_K } from './k-anonymity';
export type { KAnonymityResult } from './k-anonymity';
