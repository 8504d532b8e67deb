export { handleBlockedTurn, handleBlockedJoin, buyerIdentifiersOf } from './blocked-turn';
export { BlockCache } from './block-cache';
export { createChatAppealNotifier } from './chat-appeal-notifier';
export { blockedLines, blockedLinesFor } from './blocked-lines';
export type { BlockedLines } from './blocked-lines';
export type { BotRisk } from './risk-gate-types';
