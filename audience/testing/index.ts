export { seedSyntheticStore, addSyntheticOrders } from './seed-synthetic-store';
export type { SyntheticStoreOptions } from './seed-synthetic-store';
