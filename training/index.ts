export * from './intent-model';
export * from './evaluation';
export * from './default-catalog';
