export { loadConfig } from './load-config';
export type { LoadConfigOptions } from './load-config';
export { configSchema } from './schema';
export type { Config } from './schema';
export { loadOrCreateLocalSecrets } from './local-secrets';
export type { LocalSecrets } from './local-secrets';
