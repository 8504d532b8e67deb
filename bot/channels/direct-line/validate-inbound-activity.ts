import { z } from 'zod';
import { AppError, ValidationError } from '../../../core/errors';

/** Size limits for what a Web Chat client may post. */
export interface InboundLimits {
  /** Serialized activity, bytes; 64 KiB unless set. */
  maxActivityBytes: number;
  /** Characters of `text`; 4,000 unless set. */
  maxTextLength: number;
  /** Attachments per activity; 5 unless set. */
  maxAttachments: number;
  /** One attachment's serialized size, bytes; 32 KiB unless set (uploads are not offered). */
  maxAttachmentBytes: number;
}

/** The defaults of {@link InboundLimits}. */
export const defaultInboundLimits: InboundLimits = { maxActivityBytes: 64 * 1024, maxTextLength: 4000, maxAttachments: 5, maxAttachmentBytes: 32 * 1024 };

const attachment = z.object({
  contentType: z.string().min(1).max(255),
  contentUrl: z.string().max(2048).optional(),
  content: z.unknown().optional(),
  name: z.string().max(255).optional(),
  thumbnailUrl: z.string().max(2048).optional(),
});

const inbound = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 tag').optional(),
  from: z.object({ id: z.string().max(128).optional(), name: z.string().max(128).optional(), role: z.string().max(32).optional() }).optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  attachments: z.array(attachment).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
});

/** An activity a client may post, after validation. */
export type InboundActivity = z.infer<typeof inbound>;

/**
 * Checks a posted activity. Oversized input is a 413, anything malformed a 400 naming the field; unknown
 * fields (recipient, serviceUrl...) are dropped so a client can't speak for the bot or another user.
 */
export function validateInboundActivity(body: unknown, rawBytes: number, limits: InboundLimits = defaultInboundLimits): InboundActivity {
  if (rawBytes > limits.maxActivityBytes) throw tooLarge(`The activity is larger than ${limits.maxActivityBytes} bytes`);
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new ValidationError('The body must be a JSON activity object');
  }
  const parsed = inbound.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`Malformed activity: ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}`);
  }
  const activity = parsed.data;
  if ((activity.text?.length ?? 0) > limits.maxTextLength) throw tooLarge(`The message is longer than ${limits.maxTextLength} characters`);
  const attachments = activity.attachments ?? [];
  if (attachments.length > limits.maxAttachments) throw tooLarge(`At most ${limits.maxAttachments} attachments are accepted`);
  for (const item of attachments) {
    if (Buffer.byteLength(JSON.stringify(item)) > limits.maxAttachmentBytes) throw tooLarge(`An attachment is larger than ${limits.maxAttachmentBytes} bytes`);
  }
  if (activity.type === 'message' && !activity.text?.trim() && attachments.length === 0 && activity.value === undefined) {
    throw new ValidationError('A message needs text, a value or an attachment');
  }
  if (activity.type === 'event' && !activity.name) throw new ValidationError('An event needs a name');
  return activity;
}

function tooLarge(message: string): AppError {
  return new AppError('payload_too_large', message, { status: 413 });
}
