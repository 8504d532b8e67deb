/**
 * One table (or set of tables) holding raw personal data with a retention limit. The capability that owns
 * the data may supply its own; the composition root hands the list to {@link createRetention}.
 */
export interface RetentionTarget {
  name: string;
  /** Deletes the shop's rows older than `olderThan`; returns how many went. Safe to call again. */
  purge(shopId: string, olderThan: Date): Promise<number>;
}
