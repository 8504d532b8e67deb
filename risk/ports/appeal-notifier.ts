/** What the buyer is told about their appeal; plain words, no internal detail. */
export interface AppealNotice {
  shopId: string;
  reference: string;
  channel: 'chat' | 'web';
  /** The address the chat channel gave when the appeal was filed (opaque to risk/). */
  notifyAddress?: Record<string, unknown>;
}

/**
 * Tells a buyer the outcome on the channel they used. The bot implements it for chat appeals
 * (web appeals are read on the status page at the form's URL).
 */
export interface AppealNotifier {
  notify(
    appeal: AppealNotice,
    outcome: { outcome: 'lift' | 'keep' | 'narrow'; message: string; decidedAt: Date },
  ): Promise<void>;
}
