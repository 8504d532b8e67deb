// Types only, and no imports: the admin UI imports this file too, so what the API answers and what the
// admin page reads cannot drift apart; anything imported here would be type-checked with the UI.

/** A blocklist entry an appeal is about; installation-wide entries never show who added them. */
export interface MatchedEntry {
  id: string;
  scope: 'shop' | 'global';
  kind: string;
  reason: string;
  createdAt: string;
  expiresAt: string | null;
  /** True when this shop may remove it outright (its own entries); otherwise lifting exempts this shop. */
  owned: boolean;
  key: string;
}

/** An appeal with what a reviewer needs: the statement, the matched entries, and the verdict's reasons. */
export interface AppealView {
  id: string;
  reference: string;
  channel: 'chat' | 'web';
  statement: string;
  contact: string | null;
  status: 'open' | 'decided';
  outcome: 'lift' | 'keep' | 'narrow' | null;
  message: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  timeToDecisionMs: number | null;
  entries: MatchedEntry[];
  verdict: { id: string; subjectType: string; subjectId: string; score: number; decision: string; reasons: Array<{ code: string; description: string }> } | null;
}
