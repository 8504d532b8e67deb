export { createLogger, redactedLogPaths } from './create-logger';
export type { CreateLoggerOptions, Logger } from './create-logger';
export { errorForLog } from './error-for-log';
export type { ErrorForLogOptions, LoggedError } from './error-for-log';
