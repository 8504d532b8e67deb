import { SortedLinks } from '../common';
import type {
  AccountProfile,
  Identifier,
  IdentityGraphStore,
  ProfileUpdate,
  SharedAccount,
  TimeWindow,
} from './types';

/** A repeat sighting of the same account on the same identifier within this gap adds no new link row. */
const REPEAT_GAP_MS = 60 * 60 * 1000;

const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface AccountEntry {
  firstSeen: number;
  signedUpAt?: number;
  email?: { at: number; domain?: string; isVariant?: boolean };
  identifiers: Map<string, { identifier: Identifier; since: number; last: number }>;
}

/**
 * The identity graph held in process memory: sorted arrays per identifier, so a windowed query is
 * a binary search plus a short scan. Used by backtests, benchmarks and tests.
 */
export class InMemoryIdentityGraphStore implements IdentityGraphStore {
  private readonly links = new Map<string, SortedLinks>();
  private readonly accounts = new Map<string, AccountEntry>();

  async link(
    accountId: string,
    identifiers: readonly Identifier[],
    at: number,
    profile?: ProfileUpdate,
  ): Promise<void> {
    const account = this.account(accountId, at);
    if (profile?.signedUp) account.signedUpAt = Math.min(account.signedUpAt ?? at, at);
    if (profile?.emailDomain !== undefined && (!account.email || at < account.email.at)) {
      account.email = { at, domain: profile.emailDomain, isVariant: profile.emailIsVariant };
    }
    for (const identifier of identifiers) this.linkOne(accountId, account, identifier, at);
  }

  async accountsSharing(identifier: Identifier, window: TimeWindow, limit = 1000): Promise<SharedAccount[]> {
    const shared = this.links.get(identifier.key)?.distinct(window.since, window.until, limit) ?? [];
    return shared.sort((a, b) => b.lastSeen - a.lastSeen || codeUnitOrder(a.account, b.account));
  }

  async countsSince(identifier: Identifier, windows: readonly TimeWindow[]): Promise<number[]> {
    const sorted = this.links.get(identifier.key);
    return windows.map((window) =>
      sorted ? sorted.distinct(window.since, window.until, Infinity).length : 0,
    );
  }

  async accountProfile(accountId: string, until: number): Promise<AccountProfile | undefined> {
    const account = this.accounts.get(accountId);
    if (!account || account.firstSeen >= until) return undefined;
    const email = account.email && account.email.at < until ? account.email : undefined;
    return {
      firstSeen: account.firstSeen,
      signedUpAt:
        account.signedUpAt !== undefined && account.signedUpAt < until ? account.signedUpAt : undefined,
      emailDomain: email?.domain,
      emailIsVariant: email?.isVariant,
    };
  }

  async identifiersOf(accountId: string, until: number): Promise<Identifier[]> {
    const account = this.accounts.get(accountId);
    if (!account) return [];
    return [...account.identifiers.values()]
      .filter((entry) => entry.since < until)
      .sort((a, b) => a.since - b.since || codeUnitOrder(a.identifier.key, b.identifier.key))
      .map((entry) => entry.identifier);
  }

  private account(accountId: string, at: number): AccountEntry {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { firstSeen: at, identifiers: new Map() };
      this.accounts.set(accountId, account);
    }
    account.firstSeen = Math.min(account.firstSeen, at);
    return account;
  }

  private linkOne(accountId: string, account: AccountEntry, identifier: Identifier, at: number): void {
    const known = account.identifiers.get(identifier.key);
    if (!known) {
      account.identifiers.set(identifier.key, { identifier, since: at, last: at });
    } else {
      known.since = Math.min(known.since, at);
      if (at >= known.last && at - known.last < REPEAT_GAP_MS) return;
      known.last = Math.max(known.last, at);
    }
    let sorted = this.links.get(identifier.key);
    if (!sorted) {
      sorted = new SortedLinks();
      this.links.set(identifier.key, sorted);
    }
    sorted.insert(at, accountId);
  }
}
