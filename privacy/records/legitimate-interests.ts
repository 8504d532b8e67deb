import { header, safeguards, volumeTable } from './document-parts';
import type { RecordFacts } from './record-facts';

/** The Legitimate Interests assessment that risk control relies on (PDPA First Schedule Part 3). */
export function legitimateInterestsAssessment(facts: RecordFacts): string {
  return [
    header('Legitimate Interests assessment: fraud and abuse control', facts),
    '## Legitimate interests',
    'Detecting and preventing fraud and abuse against the shop and its honest buyers: stolen cards, chargebacks, many accounts on one device farming first-order coupons, and repeated refund abuse.',
    '',
    '## Data types and volume',
    'Order facts (amounts, discount codes, timing, shipping country), account age, first-party device ids, IP addresses seen by Shopify at checkout, emails and phones only as matching keys, and the verdicts, blocklist entries and appeals that follow.',
    '',
    volumeTable(facts, [
      ['Customers', 'customers'],
      ['Orders', 'orders'],
      ['Risk verdicts', 'riskVerdicts'],
      ['Blocklist entries', 'blocklistEntries'],
      ['Appeals (counter-statements)', 'appeals'],
      ['Audit entries', 'auditEntries'],
    ]),
    '',
    '## Methods',
    '- Each new account and order gets a score, reason codes and a decision (allow, review, deny) from documented rules and a learned model; the verdict is written back to the order in Shopify.',
    '- A blocklist of users, devices, emails and IPs is kept per shop; blocked people can file an appeal that a person reviews.',
    '- No decision is final without a route to a person: "review" goes to staff, and every "deny" can be appealed.',
    '',
    '## Residual adverse effects on buyers',
    '- An honest buyer may be delayed (review) or refused (deny) by a false positive.',
    '- Buyers sharing a device or network (a household, an office) may be linked to one another.',
    '- A blocklisted identifier may follow a buyer across their later orders in this shop.',
    '',
    '## Mitigations',
    '- Reason codes are recorded with every verdict so staff can explain and reverse it; appeals are reviewed by a person and audited.',
    "- Identifiers are used for matching inside this shop. The one exception is an installation-wide blocklist entry, which holds only keyed hashes of an identifier (never another shop's customer data) so that abuse seen in one shop can be refused in the others of this installation; nothing is shared with third parties.",
    `- Raw chat and webhook data are deleted after ${facts.retentionDays} days; erasure requests remove personal fields while keeping only non-personal order facts for the merchant's accounts.`,
    "- A buyer's erasure request also removes what fraud control holds about them (identity links, order facts, sign-up devices and verdicts), and their appeals keep only an anonymous record of the decision and its timing. Blocklist entries on their identifiers are kept: an entry holds only a keyed hash and the staff's reason, never the identifier itself, and erasing it on request would let the person it was added against undo it; each entry is bounded by its expiry date (entries added without one last until staff remove them or an appeal lifts them).",
    ...safeguards(facts).map((line) => `- ${line}`),
    '',
    '## Why the benefit outweighs the adverse effects',
    'Fraud losses and coupon abuse fall on the merchant and, through prices and stock, on honest buyers. The checks use data the shop already holds for the sale, stay inside the shop, keep a person in the loop for every adverse decision, and give the buyer a way to be heard. The residual effects are a delay or a reviewable refusal, which is proportionate to preventing financial loss.',
    '',
    '## Notice',
    'The public notice (privacy notice page) tells buyers that the shop relies on legitimate interests for fraud control and names the data-protection contact.',
    '',
  ].join('\n');
}
