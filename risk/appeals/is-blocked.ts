import { NotFoundError } from '../../core/errors';
import type { RiskServiceDeps } from '../ports';
import { PostgresBlocklist, identifierFromKey } from '../store';
import { buyerIdentifiersSchema, hashBuyerIdentifiers, type BuyerIdentifiers } from './buyer-identifiers';
import { signSubject } from './subject-link';

/** Whether a buyer is blocked in a shop, and where they can appeal. */
export interface BlockedStatus {
  blocked: boolean;
  /** The entries' reasons as staff wrote them: for the bot's log and hand-over, not to be read out verbatim. */
  reasons: string[];
  /** The web appeal form for this refusal (absent when not blocked). */
  appealUrl?: string;
  /** Pass back to `fileAppeal` as `subjectToken` so the appeal names the same identifiers. */
  subjectToken?: string;
}

/** The shop's public domain, for links the buyer opens. */
export async function shopDomainOf(deps: Pick<RiskServiceDeps, 'db'>, shopId: string): Promise<string> {
  const { rows } = await deps.db.query<{ domain: string }>({ text: 'SELECT domain FROM shops WHERE id = $1', values: [shopId] });
  if (!rows[0]) throw new NotFoundError('No such shop');
  return rows[0].domain;
}

/** The appeal form's address for a refusal about `keys`. */
export async function appealUrlFor(deps: RiskServiceDeps, shopId: string, keys: string[], verdictId?: string): Promise<{ url: string; token: string }> {
  const token = signSubject(deps.appealLinkKey, { keys, verdictId }, deps.clock.now());
  const domain = await shopDomainOf(deps, shopId);
  return { url: `${deps.publicUrl.replace(/\/$/, '')}/appeal?shop=${encodeURIComponent(domain)}&subject=${token}`, token };
}

/** Looks the buyer up in the shop's and the installation-wide blocklists, as of now. */
export async function isBlocked(deps: RiskServiceDeps, shopId: string, identifiers: BuyerIdentifiers): Promise<BlockedStatus> {
  const keys = hashBuyerIdentifiers(deps.hasher, buyerIdentifiersSchema.parse(identifiers));
  const hits = await new PostgresBlocklist(deps.db, shopId).lookup(keys.map(identifierFromKey), deps.clock.now().getTime());
  if (hits.length === 0) return { blocked: false, reasons: [] };
  const { url, token } = await appealUrlFor(deps, shopId, keys);
  return { blocked: true, reasons: [...new Set(hits.map((hit) => hit.reason))], appealUrl: url, subjectToken: token };
}
