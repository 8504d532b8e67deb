export { createCliContext } from './cli-context';
export type { CliContext } from './cli-context';
export { createProgress } from './progress';
export type { Progress } from './progress';
export { openCliConnector } from './cli-connector';
