export { ageBand, ageBandFromBirthDate } from './age-band';
export type { AgeBand } from './age-band';
export { postalDistrict } from './postal-district';
export type { PostalDistrict } from './postal-district';
export { amountTier, TIER_EDGES, DEFAULT_TIER_EDGES } from './amount-tier';
export type { AmountTierOptions } from './amount-tier';
