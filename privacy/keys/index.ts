export { createPseudonymizer } from './create-pseudonymizer';
export type { Pseudonymizer, PseudonymizerOptions } from './create-pseudonymizer';
