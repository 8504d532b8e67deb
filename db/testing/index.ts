export { createTestDatabase, testEngine } from './test-database';
export { createScratchDatabase } from './scratch-database';
export type { ScratchDatabase } from './scratch-database';
export { openKeptDatabase } from './kept-database';
export type { KeptDatabase } from './kept-database';
