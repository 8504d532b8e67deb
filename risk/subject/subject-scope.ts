import type { Subject } from '../../privacy';
import { hashBlockValue, type BlockableKind } from '../blocklist-entries';
import type { IdentifierHasher } from '../identity-graph';
import type { Queryable } from '../store';

/** What risk holds of one buyer in one shop, found by their own ids only. */
export interface RiskSubjectScope {
  /** Risk account ids: the customer id, and `guest:<order>` for their guest orders. */
  accounts: string[];
  orderIds: string[];
  verdictIds: string[];
  /** Keys that name this buyer alone (account, email, phone): appeals and sign-up devices are matched on these. */
  personalKeys: string[];
  /** Every key seen with their accounts (devices and IPs included), for the blocklist check only. */
  allKeys: string[];
}

const PERSONAL_KINDS = new Set(['account', 'email', 'phone']);

function keyOf(hasher: IdentifierHasher, kind: BlockableKind, value: string | number | undefined): string | undefined {
  if (value === undefined || String(value).trim() === '') return undefined;
  try {
    return hashBlockValue(hasher, kind, String(value)).key;
  } catch {
    return undefined;
  }
}

const unique = (values: Array<string | undefined>): string[] => [...new Set(values.filter((v): v is string => v !== undefined))];

/**
 * Resolves a subject to risk's rows. A customer id is exact; without one, the email picks the accounts whose
 * sign-up verdict carried that (hashed) email and guest orders linked to it, so the Shopify mirror having been
 * blanked first (privacy erases it before other holders) does not hide anything.
 */
export async function resolveRiskSubject(db: Queryable, hasher: IdentifierHasher, shopId: string, subject: Subject): Promise<RiskSubjectScope> {
  const emailKey = keyOf(hasher, 'email', subject.email);
  const requested = (subject.orderIds ?? []).map(String);
  const accounts = new Set<string>(requested.map((id) => `guest:${id}`));
  if (subject.customerId !== undefined) accounts.add(String(subject.customerId));
  else if (emailKey) {
    const { rows } = await db.query<{ account: string }>({
      text: `SELECT subject_id AS account FROM risk_verdicts WHERE shop_id = $1 AND subject_type = 'account' AND identifiers->>'email' = $2
             UNION SELECT account_id FROM risk_identity_links WHERE shop_id = $1 AND identifier_key = $2 AND account_id LIKE 'guest:%'`,
      values: [shopId, emailKey],
    });
    for (const row of rows) accounts.add(row.account);
  }
  const accountList = [...accounts];
  const customerIds = accountList.filter((a) => /^\d+$/.test(a));
  const { rows: orders } = await db.query<{ order_id: string }>({
    text: 'SELECT order_id FROM risk_orders WHERE shop_id = $1 AND (account_id = ANY($2::text[]) OR order_id = ANY($3::text[]))',
    values: [shopId, accountList, requested],
  });
  const orderIds = unique([...requested, ...orders.map((o) => o.order_id)]);
  const { rows: verdicts } = await db.query<{ id: string; identifiers: Record<string, string> }>({
    text: `SELECT id, identifiers FROM risk_verdicts WHERE shop_id = $1 AND (
             (subject_type = 'account' AND subject_id = ANY($2::text[])) OR (subject_type = 'order' AND subject_id = ANY($3::text[]))
             OR customer_id = ANY($4::bigint[]))`,
    values: [shopId, customerIds, orderIds, customerIds],
  });
  const { rows: links } = await db.query<{ identifier_key: string }>({
    text: 'SELECT DISTINCT identifier_key FROM risk_identity_links WHERE shop_id = $1 AND account_id = ANY($2::text[])',
    values: [shopId, accountList],
  });
  const verdictKeys = verdicts.flatMap((v) => Object.entries(v.identifiers));
  const personalKeys = unique([
    ...customerIds.map((id) => keyOf(hasher, 'account', id)),
    emailKey,
    keyOf(hasher, 'phone', subject.phone),
    ...verdictKeys.filter(([kind]) => PERSONAL_KINDS.has(kind)).map(([, key]) => key),
  ]);
  return {
    accounts: accountList,
    orderIds,
    verdictIds: verdicts.map((v) => v.id),
    personalKeys,
    allKeys: unique([...personalKeys, ...verdictKeys.map(([, key]) => key), ...links.map((l) => l.identifier_key)]),
  };
}
