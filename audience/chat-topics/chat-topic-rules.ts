/** How long a conversation stays linked to a customer after the buyer proved who they are, and how far back its earlier topics count. */
export const LINK_MS = 24 * 60 * 60_000;
/** Most topics a conversation remembers before a link. */
export const MAX_EARLIER_TOPICS = 10;

// Intents that say nothing about what a customer wants from the shop, or that are about the buyer's own
// rights or a person rather than a product or service: never topics.
const NOT_TOPICS = new Set(['none', 'greeting', 'goodbye', 'thanks', 'smalltalk', 'track-order', 'contact-human-agent', 'privacy-request']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The topic an intent id stands for (`return_policy` -> `return-policy`), or undefined when it is not one:
 * excluded intents, and anything that is not a short identifier (so no free text can pass for a topic).
 */
export function chatTopicOf(intent: string): string | undefined {
  if (typeof intent !== 'string' || intent.length > 64 || !/^[A-Za-z0-9_.-]+$/.test(intent)) return undefined;
  const topic = intent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return SLUG.test(topic) && !NOT_TOPICS.has(topic) ? topic : undefined;
}
