/** Message tags Messenger accepts outside the 24-hour window. */
export const MESSAGE_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'HUMAN_AGENT'] as const;
export type MessageTag = (typeof MESSAGE_TAGS)[number];

/** How a message may go out, or why it may not. */
export type SendPolicy =
  | { allowed: true; messagingType: 'RESPONSE' | 'MESSAGE_TAG'; tag?: MessageTag }
  | { allowed: false; reason: 'never_messaged' | 'window_closed' | 'human_agent_expired' };

const HOUR = 3_600_000;

/**
 * Messenger's rules: within 24 hours of the person's last message anything goes (RESPONSE); after that
 * only tagged messages, and staff replies (HUMAN_AGENT) only up to 7 days.
 */
export function sendPolicy(lastUserMessageAt: Date | null | undefined, now: Date, sender: { humanAgent: boolean; tag?: string }): SendPolicy {
  if (!lastUserMessageAt) return { allowed: false, reason: 'never_messaged' };
  const age = now.getTime() - lastUserMessageAt.getTime();
  if (age <= 24 * HOUR) return { allowed: true, messagingType: 'RESPONSE' };
  if (sender.humanAgent) return age <= 7 * 24 * HOUR ? { allowed: true, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { allowed: false, reason: 'human_agent_expired' };
  const tag = MESSAGE_TAGS.find((known) => known === sender.tag && known !== 'HUMAN_AGENT');
  return tag ? { allowed: true, messagingType: 'MESSAGE_TAG', tag } : { allowed: false, reason: 'window_closed' };
}
