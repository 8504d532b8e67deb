import type { RulesDocument } from './rules-document';

type RuleInput = Omit<RulesDocument['rules'][number], 'enabled' | 'op'> & { op?: '>=' | '<=' };

const rule = (input: RuleInput): RulesDocument['rules'][number] => ({ op: '>=', enabled: true, ...input });

/** The rules a shop starts with. Weights are log-odds, tuned on generated streams; merchants can edit all of it. */
export const DEFAULT_RULES: RulesDocument = {
  version: 1,
  baseLogOdds: -3.9,
  thresholds: { review: 0.5, deny: 0.85 },
  model: { blendWeight: 0.5, minLabels: 200 },
  rules: [
    rule({ id: 'blocklisted', feature: 'blocklist_hits', threshold: 1, saturateAt: 1, weight: 8, reason: 'The buyer, device, email, phone, IP, address or card is on the blocklist ({value} matching entries).' }),
    rule({ id: 'device-accounts-day', feature: 'device_accounts_24h', threshold: 3, saturateAt: 8, weight: 2.5, reason: '{value} other accounts used this device in the last 24 hours.' }),
    rule({ id: 'device-accounts-week', feature: 'device_accounts_7d', threshold: 4, saturateAt: 12, weight: 1.5, reason: '{value} other accounts used this device in the last 7 days.' }),
    rule({ id: 'ip-accounts-hour', feature: 'ip_accounts_1h', threshold: 3, saturateAt: 10, weight: 1, reason: '{value} other accounts came from this IP address in the last hour.' }),
    rule({ id: 'ip-accounts-day', feature: 'ip_accounts_24h', threshold: 6, saturateAt: 25, weight: 0.6, reason: '{value} other accounts came from this IP address in the last 24 hours.' }),
    rule({ id: 'ip-network-accounts-day', feature: 'ip_prefix_accounts_24h', threshold: 10, saturateAt: 40, weight: 0.3, reason: '{value} other accounts came from this IP network in the last 24 hours.' }),
    rule({ id: 'address-accounts-week', feature: 'address_accounts_7d', threshold: 2, saturateAt: 6, weight: 1.5, reason: '{value} other accounts shipped to this address in the last 7 days.' }),
    rule({ id: 'same-mailbox', feature: 'email_accounts_30d', threshold: 1, saturateAt: 4, weight: 1.5, reason: '{value} other accounts use the same mailbox under a different spelling.' }),
    rule({ id: 'email-variant', feature: 'email_variant', threshold: 1, weight: 0.6, reason: 'The email is a dot or plus-tag variant of another address.' }),
    rule({ id: 'same-phone', feature: 'phone_accounts_30d', threshold: 1, saturateAt: 4, weight: 1.2, reason: '{value} other accounts use the same phone number.' }),
    rule({ id: 'same-card', feature: 'payment_accounts_30d', threshold: 2, saturateAt: 6, weight: 1.5, reason: '{value} other accounts paid with the same card.' }),
    rule({ id: 'account-orders-hour', feature: 'account_orders_1h', threshold: 3, saturateAt: 10, weight: 1, reason: 'This account placed {value} orders in the last hour.' }),
    rule({ id: 'account-orders-day', feature: 'account_orders_24h', threshold: 6, saturateAt: 20, weight: 0.5, reason: 'This account placed {value} orders in the last 24 hours.' }),
    rule({ id: 'coupon-linked-accounts', feature: 'discount_linked_reuse', threshold: 1, saturateAt: 4, weight: 2, reason: 'The discount code was already used by {value} linked accounts (same device, email, phone, address or card).' }),
    rule({ id: 'coupon-same-source', feature: 'discount_source_reuse', threshold: 2, saturateAt: 8, weight: 1.5, reason: 'The discount code was used by {value} other accounts from this device or IP in the last 7 days.' }),
    rule({ id: 'coupon-new-account', feature: 'discount_new_account', threshold: 1, weight: 0.4, reason: 'A discount code on the first order of an account less than a day old.' }),
    rule({ id: 'disposable-email', feature: 'disposable_email', threshold: 1, weight: 1.5, reason: 'The email address is on a disposable (throwaway) mail domain.' }),
    rule({ id: 'country-mismatch', feature: 'country_mismatch', threshold: 1, saturateAt: 2, weight: 1, reason: 'The IP, billing and shipping countries do not match.' }),
    rule({ id: 'fast-first-order', feature: 'signup_to_order_minutes', op: '<=', threshold: 10, saturateAt: 1, weight: 0.5, reason: 'First order placed {value} minutes after sign-up.' }),
    rule({ id: 'unusual-amount', feature: 'amount_z', threshold: 2.5, saturateAt: 5, weight: 1, reason: 'The order value is far above this shop\'s normal range ({value} deviations).' }),
    rule({ id: 'order-burst', feature: 'source_orders_1h', threshold: 5, saturateAt: 20, weight: 0.8, reason: '{value} orders came from this device or IP in the last hour.' }),
    rule({ id: 'small-order-burst', feature: 'source_small_orders_1h', threshold: 3, saturateAt: 10, weight: 2.5, reason: '{value} very small orders came from this device or IP in the last hour (card testing pattern).' }),
    rule({ id: 'failed-payments', feature: 'failed_payments_1h', threshold: 2, saturateAt: 6, weight: 2, reason: '{value} failed payments from this device, IP or account in the last hour.' }),
  ],
};
