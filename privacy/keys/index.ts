export { createPseudonymizer } from './create-pseudonymizer';
export type { Pseudonymizer, PseudonymizerOptions } from './create-pseudonymizer';
export { rotateShopKey, retireShopKeys } from './rotate-shop-key';
