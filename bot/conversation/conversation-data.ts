import type { ChatTopicMemory } from '../../audience';
import type { RedactedText } from '../../privacy';
import type { OrderDetails } from '../order-status';

/** What the bot remembers about a conversation between turns (stored in bot state, per shop). */
export interface ConversationData {
  language?: string;
  lowConfidenceStreak: number;
  /** Order details given so far, until the lookup runs; dropped after 10 minutes. */
  pendingOrder?: OrderDetails & { since: number };
  /** The open handoff, while a person may own the conversation. */
  handoffId?: string;
  /** The last few buyer lines, redacted, as context for the review queue. */
  recent: RedactedText[];
  /** A blocked buyer's appeal in chat: the step being collected, or the filed appeal's reference. */
  appeal?: { step?: 'statement' | 'contact'; statement?: string; reference?: string; since: number };
  /** Topic names (never words) for audience, and the customer link once the buyer proved who they are. */
  chatTopics?: ChatTopicMemory;
}

/** A new conversation's data. */
export function newConversationData(): ConversationData {
  return { lowConfidenceStreak: 0, recent: [] };
}
