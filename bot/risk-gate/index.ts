export { handleBlockedTurn, buyerIdentifiersOf } from './blocked-turn';
export { BlockCache } from './block-cache';
export { createChatAppealNotifier } from './chat-appeal-notifier';
export { blockedLines } from './blocked-lines';
export type { BotRisk } from './risk-gate-types';
