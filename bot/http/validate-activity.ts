import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { AppError, ValidationError } from '../../core/errors';

/** Limits on what one inbound activity may carry. */
export interface ActivityLimits {
  maxTextLength: number;
  maxAttachments: number;
  /** Largest inline attachment content, as JSON bytes. */
  maxAttachmentBytes: number;
}

/** Defaults: 4,000 characters of text, 10 attachments, 64 KiB of inline content each. */
export const defaultActivityLimits: ActivityLimits = { maxTextLength: 4_000, maxAttachments: 10, maxAttachmentBytes: 64 * 1024 };

const account = z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional(), role: z.string().max(32).optional() }).loose();
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.object({ id: z.string().min(1).max(512) }).loose(),
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    locale: z.string().max(32).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    attachments: z.array(z.object({ contentType: z.string().min(1).max(256), contentUrl: z.string().max(2048).optional() }).loose()).optional(),
  })
  .loose();

function tooLarge(message: string): AppError {
  return new AppError('payload_too_large', message, { status: 413 });
}

/** Checks an inbound Bot Framework activity; a malformed one is a 400 that names the fields, an oversized one a 413. */
export function validateActivity(body: unknown, limits: ActivityLimits = defaultActivityLimits): Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('The body must be a JSON Bot Framework activity');
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    throw new ValidationError(`Malformed activity: check ${fields.join(', ')}`, { details: { fields } });
  }
  const activity = parsed.data;
  if (activity.text !== undefined && activity.text.length > limits.maxTextLength) {
    throw tooLarge(`Activity text is longer than ${limits.maxTextLength} characters`);
  }
  const attachments = activity.attachments ?? [];
  if (attachments.length > limits.maxAttachments) throw tooLarge(`An activity may carry at most ${limits.maxAttachments} attachments`);
  for (const attachment of attachments) {
    const content = (attachment as { content?: unknown }).content;
    if (content !== undefined && Buffer.byteLength(JSON.stringify(content)) > limits.maxAttachmentBytes) {
      throw tooLarge(`Attachment content is larger than ${limits.maxAttachmentBytes} bytes`);
    }
  }
  return activity as unknown as Activity;
}
