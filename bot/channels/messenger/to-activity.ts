import type { Activity } from 'botbuilder';

/** One entry of a Messenger webhook's `messaging` (or `standby`) array, as far as we read it. */
export interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: { mid?: string; text?: string; is_echo?: boolean; quick_reply?: { payload?: string }; attachments?: { type?: string; payload?: { url?: string } }[] };
  postback?: { title?: string; payload?: string; mid?: string };
  pass_thread_control?: { new_owner_app_id?: string; metadata?: string };
  take_thread_control?: { previous_owner_app_id?: string; metadata?: string };
  request_thread_control?: { requested_owner_app_id?: string };
}

/** The Messenger channel id, as Azure's Facebook channel uses, so botbuilder treats the channel alike. */
export const MESSENGER_CHANNEL = 'facebook';

/** The conversation id of a page thread, in Azure's `<psid>-<page id>` shape. */
export function conversationIdOf(psid: string, pageId: string): string {
  return `${psid}-${pageId}`;
}

/**
 * A buyer's message or postback as an activity; `undefined` for what the bot should not see (echoes,
 * deliveries, reads, handover notices). Quick replies and postbacks arrive as their payload text, the
 * way Web Chat's imBack buttons do.
 */
export function toActivity(event: MessagingEvent, shopId: string, serviceUrl: string): Partial<Activity> | undefined {
  const psid = event.sender?.id;
  const pageId = event.recipient?.id;
  if (!psid || !pageId) return undefined;
  const base = {
    channelId: MESSENGER_CHANNEL,
    serviceUrl,
    conversation: { id: conversationIdOf(psid, pageId), isGroup: false, conversationType: 'personal', name: '' },
    from: { id: psid, name: '', role: 'user' },
    recipient: { id: pageId, name: '', role: 'bot' },
    timestamp: new Date(event.timestamp ?? Date.now()),
    channelData: { ...event, shopId, pageId },
  };
  if (event.message && !event.message.is_echo) {
    const text = event.message.quick_reply?.payload ?? event.message.text;
    const attachments = (event.message.attachments ?? [])
      .filter((item) => item.payload?.url)
      .map((item) => ({ contentType: `${item.type === 'file' ? 'application/octet-stream' : `${item.type ?? 'application'}/*`}`, contentUrl: item.payload!.url }));
    if (!text && attachments.length === 0) return undefined;
    return { ...base, type: 'message', id: event.message.mid, text, attachments: attachments.length ? attachments : undefined };
  }
  if (event.postback) {
    return { ...base, type: 'message', id: event.postback.mid, text: event.postback.payload ?? event.postback.title, value: { postback: event.postback } };
  }
  return undefined;
}
