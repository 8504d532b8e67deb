export { parseEventLine } from './parse-event-line';
export type { ParsedLine } from './parse-event-line';
export { readEventsFile } from './read-events-file';
export type { LineProblem } from './read-events-file';
export { runBacktest, sortEvents } from './run-backtest';
export type { BacktestOptions, ScoredOrder } from './run-backtest';
