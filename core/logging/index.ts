export { createLogger, redactedLogPaths } from './create-logger';
export type { CreateLoggerOptions, Logger } from './create-logger';
