import { header, safeguards, volumeTable } from './document-parts';
import type { RecordFacts } from './record-facts';

/** The Business Improvement exception assessment (PDPA First Schedule Part 5 / Second Schedule Part 2). */
export function businessImprovementAssessment(facts: RecordFacts): string {
  return [
    header('Business Improvement exception: assessment', facts),
    '## Purposes',
    '- Improving the customer-service bot: recognising what buyers ask, from desensitised chat turns, and retraining the model nightly.',
    "- Understanding buyers' preferences to improve goods and services: audience tags (age band, country, interests, discount sensitivity, loyalty, RFM group) computed over orders, and chat topics: the kinds of question (such as returns or shipping times, never the words) a buyer asked in chat after proving who they are with an order lookup, kept for 180 days.",
    '- Learning about and understanding the behaviour of customers, for the purposes above only; never to make decisions about an individual buyer outside risk control (see the Legitimate Interests assessment).',
    '',
    '## Why identifiable data is needed, and why it is not used further than needed',
    '- Answering a buyer about their own order needs the order; the bot looks it up and keeps the raw turn only for the retention period, so staff can take over a conversation.',
    '- Tags must be attached to a customer so the merchant can reach a segment; they use a pseudonymous id, not a name or email. Improvement itself works on desensitised or aggregated data: training text is redacted, and segments below the k-floor are never shown.',
    '- The purposes could not reasonably be achieved with anonymised data alone: a tag that cannot be attached to a customer cannot be used for a campaign, and chat turns must be linked to a conversation while a person may still take it over.',
    '',
    '## Would a reasonable person consider this appropriate?',
    'Buyers write to the shop to get help and buy from it; improving that help and those offers, with the safeguards below, is what a reasonable buyer expects. Nothing is sold or shared with third parties for their own purposes.',
    '',
    '## Data used',
    volumeTable(facts, [
      ['Customers (Shopify mirror)', 'customers'],
      ['Orders', 'orders'],
      ['Raw chat turns (within retention)', 'chatTranscriptTurns'],
      ['Desensitised training turns', 'trainingTurns'],
      ['Review-queue items (desensitised)', 'reviewItems'],
    ]),
    '',
    '## Safeguards',
    ...safeguards(facts).map((line) => `- ${line}`),
    '',
  ].join('\n');
}
