export { openDatabase } from './open-database';
export type { Database, Db, OpenDatabaseOptions } from './open-database';
export { applyMigrations, migrationsApplied, migrationsFolder } from './migrate';
export { DataDirLockedError } from './data-dir-lock';
export * as schema from './schema';
export * from './shops';
export * from './bot-storage';
