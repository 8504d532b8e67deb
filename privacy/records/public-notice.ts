import { contactLine } from './document-parts';
import { md } from './markdown-text';
import type { RecordFacts } from './record-facts';

/** The public notice buyers see (the bot links to it): what the shop does with their data and whom to ask. */
export function publicNotice(facts: RecordFacts): string {
  return [
    `# How ${md(facts.shop.name)} handles your personal data`,
    '',
    `**Data-protection contact:** ${contactLine(facts)}`,
    '',
    '## Chat',
    `When you chat with us, we keep what you write for ${facts.retentionDays} days so our staff can help you, then delete it. Before any chat text is used to improve our assistant, names, emails, phone numbers, card numbers, NRIC/FIN numbers, addresses and similar details are removed.`,
    '',
    '## Improving our service',
    `We group customers by broad traits (age band, country, interests, and the kinds of question you asked our chat after looking up your own order, never your words) to improve our offers, under the Business Improvement exception of Singapore's Personal Data Protection Act. These groups use pseudonymous ids, and no group smaller than ${facts.kFloor} people is ever shown.`,
    '',
    '## Fraud prevention',
    'We rely on legitimate interests to check orders and accounts for fraud and abuse, using order details, device and network information. A person reviews doubtful cases, and you can appeal any decision by writing to us.',
    '',
    '## Your rights',
    'You can ask for a copy of the personal data we hold about you, ask us to correct it, or ask us to delete it. Write to the data-protection contact above; we record every request and answer it.',
    '',
  ].join('\n');
}
