export { shops } from './shops';
export { botState } from './bot-state';
