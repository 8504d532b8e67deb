export * from './events';
export * from './identity-graph';
export * from './order-history';
export * from './blocklist';
export * from './signals';
export * from './scoring';
export * from './engine';
export * from './backtest';
