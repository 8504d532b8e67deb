export { createSessionStore } from './session-store';
export type { SessionStore } from './session-store';
