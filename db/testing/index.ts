export { createTestDatabase, testEngine } from './test-database';
export { createScratchDatabase } from './scratch-database';
