import type { Activity, Attachment, CardAction } from 'botbuilder';

/** Messenger's limits on what one message may carry. */
export const MESSENGER_LIMITS = { quickReplies: 13, quickReplyTitle: 20, quickReplyPayload: 1000, text: 2000, buttons: 3, buttonTitle: 20, cards: 10 } as const;

type Message = Record<string, unknown>;

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Text in pieces Messenger accepts, split on whitespace where it can. */
function splitText(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > MESSENGER_LIMITS.text) {
    const cut = rest.lastIndexOf(' ', MESSENGER_LIMITS.text);
    const at = cut > MESSENGER_LIMITS.text / 2 ? cut : MESSENGER_LIMITS.text;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Suggested actions as quick replies: at most 13, titles of at most 20 characters. */
export function quickRepliesOf(actions: readonly CardAction[] | undefined): Message[] | undefined {
  if (!actions?.length) return undefined;
  return actions.slice(0, MESSENGER_LIMITS.quickReplies).map((action) => ({
    content_type: 'text',
    title: clip(String(action.title ?? action.value ?? ''), MESSENGER_LIMITS.quickReplyTitle),
    payload: clip(String(action.value ?? action.title ?? ''), MESSENGER_LIMITS.quickReplyPayload),
  }));
}

function buttonOf(action: CardAction): Message {
  const title = clip(String(action.title ?? action.value ?? ''), MESSENGER_LIMITS.buttonTitle);
  if (action.type === 'openUrl') return { type: 'web_url', url: String(action.value), title };
  return { type: 'postback', title, payload: clip(String(action.value ?? action.title ?? ''), MESSENGER_LIMITS.quickReplyPayload) };
}

function attachmentMessage(attachments: readonly Attachment[]): Message | undefined {
  const cards = attachments.filter((item) => item.contentType === 'application/vnd.microsoft.card.hero' || item.contentType === 'application/vnd.microsoft.card.thumbnail');
  if (cards.length > 0) {
    const elements = cards.slice(0, MESSENGER_LIMITS.cards).map((card) => {
      const content = (card.content ?? {}) as { title?: string; subtitle?: string; text?: string; images?: { url: string }[]; buttons?: CardAction[] };
      return {
        title: clip(content.title ?? content.text ?? ' ', 80),
        subtitle: content.subtitle || content.text ? clip(content.subtitle ?? content.text ?? '', 80) : undefined,
        image_url: content.images?.[0]?.url,
        buttons: content.buttons?.length ? content.buttons.slice(0, MESSENGER_LIMITS.buttons).map(buttonOf) : undefined,
      };
    });
    return { attachment: { type: 'template', payload: { template_type: 'generic', elements } } };
  }
  const media = attachments.find((item) => item.contentUrl && /^(image|video|audio)\//.test(item.contentType));
  if (media) return { attachment: { type: media.contentType.split('/')[0], payload: { url: media.contentUrl, is_reusable: true } } };
  return undefined;
}

/** A bot activity as Send API `message` objects (long text split; quick replies on the last one). */
export function toMessengerMessages(activity: Partial<Activity>): Message[] {
  const messages: Message[] = [];
  if (activity.text) for (const part of splitText(activity.text)) messages.push({ text: part });
  const attached = attachmentMessage(activity.attachments ?? []);
  if (attached) messages.push(attached);
  const quickReplies = quickRepliesOf(activity.suggestedActions?.actions);
  if (quickReplies) {
    if (messages.length === 0) messages.push({ text: 'Please choose:' });
    const last = messages.at(-1)!;
    // Quick replies ride only on text or attachment messages; the last one is what the person sees next to them.
    last.quick_replies = quickReplies;
  }
  return JSON.parse(JSON.stringify(messages)) as Message[];
}
