/** What an identifier identifies. `ip-prefix` is the /24 (IPv4) or /48 (IPv6) network. */
export type IdentifierKind =
  'account' | 'device' | 'ip' | 'ip-prefix' | 'email' | 'phone' | 'address' | 'payment';

/**
 * A keyed hash of one normalised identifier. `key` is `kind:hex` and is the only form that is
 * stored, so cross-shop lists can hold it without holding the person's data.
 */
export interface Identifier {
  readonly kind: IdentifierKind;
  readonly key: string;
}

/** A half-open time range `[since, until)` in epoch milliseconds. */
export interface TimeWindow {
  readonly since: number;
  readonly until: number;
}

/** Another account seen with an identifier, and when it was last seen with it in the window. */
export interface SharedAccount {
  readonly account: string;
  readonly lastSeen: number;
}

/** Non-identifying facts about an account, kept beside the graph (domains are not personal data). */
export interface AccountProfile {
  /** When the account was first seen (sign-up or first order). */
  readonly firstSeen: number;
  /** When the account signed up, if a sign-up event was seen. */
  readonly signedUpAt?: number;
  readonly emailDomain?: string;
  /** True when the sign-up email was a dot or plus-tag variant of its mailbox. */
  readonly emailIsVariant?: boolean;
}

/** Profile fields to record with a link; `signedUp` marks the event as the account's sign-up. */
export interface ProfileUpdate {
  readonly signedUp?: boolean;
  readonly emailDomain?: string;
  readonly emailIsVariant?: boolean;
}

/**
 * The identity graph: accounts linked through the identifiers they were seen with.
 * Every query takes a window, so a verdict can be recomputed "as of" any past moment.
 * Implementations: {@link InMemoryIdentityGraphStore} and `PostgresIdentityGraphStore`.
 */
export interface IdentityGraphStore {
  /** Records that `accountId` was seen with each identifier at `at`. Idempotent for repeats. */
  link(
    accountId: string,
    identifiers: readonly Identifier[],
    at: number,
    profile?: ProfileUpdate,
  ): Promise<void>;
  /**
   * Distinct accounts seen with `identifier` within `window`, most recently seen first (ties by
   * account id in code-unit order), at most `limit`.
   */
  accountsSharing(identifier: Identifier, window: TimeWindow, limit?: number): Promise<SharedAccount[]>;
  /** For each window, how many distinct accounts were seen with `identifier` within it. */
  countsSince(identifier: Identifier, windows: readonly TimeWindow[]): Promise<number[]>;
  /** What was known of the account before `until`; undefined if it had not been seen. */
  accountProfile(accountId: string, until: number): Promise<AccountProfile | undefined>;
  /** The identifiers the account was seen with before `until`, first seen first (ties by key, code-unit order). */
  identifiersOf(accountId: string, until: number): Promise<Identifier[]>;
}
