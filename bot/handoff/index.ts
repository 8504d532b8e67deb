export { startHandoff } from './start-handoff';
export { openHandoff, handoffStatus, findHandoff, listOpenHandoffs, moveHandoff } from './handoff-store';
export type { Handoff, HandoffStatus } from './handoff-store';
