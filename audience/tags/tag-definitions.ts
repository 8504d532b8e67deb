/** A kind of audience tag: its documented definition and the data window it reads. */
export interface TagDefinition {
  kind: TagKind;
  label: string;
  definition: string;
  window: string;
  /** The values a tag of this kind can take; `undefined` when open (interests, brands, countries). */
  values?: readonly string[];
}

/** Every tag kind; a tag is written `kind:value`. */
export const TAG_KINDS = ['age', 'country', 'sg-district', 'interest', 'chat-topic', 'discount', 'loyalty', 'brand', 'store', 'rfm', 'spend'] as const;
/** One of {@link TAG_KINDS}. */
export type TagKind = (typeof TAG_KINDS)[number];

/** Kinds a customer can hold several values of (up to 3 interests, 3 chat topics); every other kind has at most one. */
export const MULTI_VALUED_KINDS: ReadonlySet<TagKind> = new Set<TagKind>(['interest', 'chat-topic']);

/** Bumped whenever a definition below changes meaning, so refreshes record which rules made a tag. */
export const DEFINITIONS_VERSION = '2026-11.2';

/** Days in the windows below; the SQL reads the same constants. */
export const WINDOWS = { recentYear: 365, interests: 730, interestHalfLife: 90, chatTopics: 180, chatTopicHalfLife: 30 } as const;

/** Shopify's eleven RFM group names, as `rfm:` values. */
export const RFM_GROUPS = [
  'champions', 'loyal', 'active', 'new', 'promising', 'needs-attention', 'at-risk', 'almost-lost', 'previously-loyal', 'dormant', 'prospects',
] as const;

/** The documented catalogue, in display order. */
export const TAG_DEFINITIONS: readonly TagDefinition[] = [
  {
    kind: 'age', label: 'Age range', values: ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'],
    definition: 'Whole years between the customer\'s Shopify birthday and the refresh date, in bands. Without a birthday the band is `unknown`: age is never guessed from names, products or anything else.',
    window: 'Birthday as synced; age as of the refresh date.',
  },
  {
    kind: 'country', label: 'Country',
    definition: 'ISO country code of the customer\'s default address; if it has none, of the shipping address of their latest order. No address: no country tag.',
    window: 'Current default address, else the latest order.',
  },
  {
    kind: 'sg-district', label: 'Singapore postal district', values: Array.from({ length: 28 }, (_, i) => String(i + 1).padStart(2, '0')),
    definition: 'For Singapore addresses only: the URA postal district (01-28) of the six-digit postal code (its first two digits, the sector). Street, block and unit are never read.',
    window: 'Same address as the country tag.',
  },
  {
    kind: 'interest', label: 'Interests',
    definition: 'Product types and product tags of the items the customer bought, each purchase weighted by recency (weight halves every 90 days). The customer\'s top 3 topics with a total weight of at least 0.5 (one purchase in the last 90 days, or several older ones). What they asked about in chat is the separate kind chat-topic.',
    window: 'Orders of the last 730 days, not cancelled.',
  },
  {
    kind: 'chat-topic', label: 'Chat topics',
    definition: 'What the customer asked the shop\'s chat about: the intent the bot recognised with confidence (such as return-policy or shipping-times), never the words. Counted only in conversations where the buyer proved who they are (an order number with its email or phone), from up to 24 hours before that proof until 24 hours after it. Greetings, thanks, goodbyes, privacy requests, order tracking and asking for a person are not topics. Each question weighs 0.5^(age / 30 days); the top 3 topics with a total weight of at least 0.5 (one question in the last 30 days, or several older ones).',
    window: 'Questions of the last 180 days; older ones are deleted.',
  },
  {
    kind: 'discount', label: 'Discount sensitivity', values: ['high', 'mid', 'low'],
    definition: 'Share of orders with a discount (a code, or an automatic sale: total discounts above 0), averaged with the share of spend on such orders. high ≥ 0.5, mid ≥ 0.2, low below. Needs at least 2 orders in the window; otherwise no discount tag (too little evidence).',
    window: 'Orders of the last 365 days, not cancelled.',
  },
  {
    kind: 'loyalty', label: 'Loyalty', values: ['first-time', 'repeat', 'loyal', 'lapsed'],
    definition: 'lapsed: has ordered, but not in the last 365 days. Otherwise loyal: at least 4 orders in all and at least 2 in the last 365 days; repeat: at least 2 orders; first-time: exactly 1. No orders: no loyalty tag (see rfm:prospects).',
    window: 'All orders, not cancelled; "recent" is the last 365 days.',
  },
  {
    kind: 'brand', label: 'Brand affinity',
    definition: 'The product vendor that took at least half of the customer\'s item spend, bought in at least 2 different orders.',
    window: 'Orders of the last 730 days, not cancelled.',
  },
  {
    kind: 'store', label: 'Store affinity',
    definition: 'The sales channel (Shopify `source_name`: web, pos, …) of at least 60% of the customer\'s orders, with at least 2 orders.',
    window: 'All orders, not cancelled.',
  },
  {
    kind: 'rfm', label: 'RFM group (Shopify\'s names)', values: RFM_GROUPS,
    definition: 'Recency (days since the last order), frequency (orders) and monetary value (spend) each scored 1-5 against the shop\'s quintiles, ties kept together; FM = ceil((F + M) / 2). R5: FM 1 new, 2-3 active, 4-5 champions. R4: FM 1 promising, 2-3 active, 4-5 loyal. R3: FM 1 promising, 2-3 needs-attention, 4-5 loyal. R2: FM 1-3 almost-lost, 4-5 at-risk. R1: FM 1-3 dormant, 4-5 previously-loyal. No orders: prospects.',
    window: 'All orders, not cancelled; quintiles from the last full refresh.',
  },
  {
    kind: 'spend', label: 'Spend tier', values: ['none', 'low', 'mid', 'high', 'top'],
    definition: 'Spend of the last 365 days against the shop\'s own distribution of customers who spent: top = above the 95th percentile, high = above the 80th, mid = above the 50th, low = the rest; none = no spend in the window.',
    window: 'Orders of the last 365 days, not cancelled; percentiles from the last full refresh.',
  },
];

/** The definition of a kind. */
export function tagDefinition(kind: TagKind): TagDefinition {
  const found = TAG_DEFINITIONS.find((d) => d.kind === kind);
  if (!found) throw new Error(`no definition for tag kind ${kind}`);
  return found;
}
