export { onShutdownSignals } from './graceful-shutdown';
export type { ShutdownStep } from './graceful-shutdown';
