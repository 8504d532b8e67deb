import type { RecordFacts } from './record-facts';
import { md } from './markdown-text';

/** The shop's data-protection contact as a Markdown line, or a visible gap when none is set. */
export function contactLine(facts: RecordFacts): string {
  if (!facts.contact) return '**No data-protection contact has been named yet.** The merchant must set one in storedesk settings (PDPA section 11(3)).';
  return `${md(facts.contact.name)}, ${md(facts.contact.email)}`;
}

/** The document header shared by the three records. */
export function header(title: string, facts: RecordFacts): string {
  return [`# ${title}`, '', `**Organisation:** ${md(facts.shop.name)} (${md(facts.shop.domain)})  `, `**Data-protection contact:** ${contactLine(facts)}  `, `**Generated:** ${facts.generatedAt.toISOString().slice(0, 10)} by storedesk, from the shop's current settings`, ''].join('\n');
}

/** The safeguards every record lists, filled in with the shop's own settings. */
export function safeguards(facts: RecordFacts): string[] {
  return [
    `Raw chat transcripts, handoff data and stored webhook payloads are deleted after **${facts.retentionDays} days** by a daily retention job; each run is audited with counts only.`,
    'Chat text is desensitised (emails, phones, card numbers, NRIC/FIN, addresses, names, IPs, IBANs, order numbers, dates of birth replaced by typed placeholders) before it reaches training data or the review queue.',
    'Audience tags hang off pseudonymous ids: HMAC-SHA256 of the Shopify id under a per-shop secret, sealed at rest with AES-256-GCM; ids of one shop cannot be linked to another.',
    `No segment, chart or export shows a group smaller than **k = ${facts.kFloor}** (k-anonymity floor; never below 5).`,
    'Every access and decision (answer edits, model promotion, blocklist changes, appeals, exports) is written to an append-only audit log that the database itself refuses to alter.',
    "Buyers' access and erasure requests (Shopify's compliance webhooks) are honoured and logged; a whole shop's data is erased on Shopify's shop/redact.",
  ];
}

/** Volume of data held, from real row counts. */
export function volumeTable(facts: RecordFacts, rows: Array<[string, string]>): string {
  return ['| Data | Records held |', '| --- | ---: |', ...rows.map(([label, key]) => `| ${label} | ${facts.counts[key] ?? 0} |`)].join('\n');
}
