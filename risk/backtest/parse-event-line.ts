import { z } from 'zod';
import type { ReplayEvent } from '../events';

const id = z.union([z.string().trim().min(1).max(256), z.number().int().transform(String)]);
const optionalText = z
  .union([z.string(), z.number().transform(String), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined || value.trim() === '' ? undefined : value.trim(),
  );
const at = z.union([z.string(), z.number()]).transform((value, context) => {
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) {
    context.addIssue({ code: 'custom', message: 'is not an ISO 8601 time' });
    return z.NEVER;
  }
  return time;
});
const amount = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number),
    z.null(),
  ])
  .optional()
  .transform((value) => value ?? undefined)
  .refine(
    (value) => value === undefined || (Number.isFinite(value) && value >= 0),
    'must be a number of 0 or more',
  );
const attrs = z
  .record(z.string(), z.unknown())
  .nullable()
  .optional()
  .transform((value) => value ?? undefined);

const accountLine = z.object({
  type: z.literal('account'),
  at,
  account: id,
  device: optionalText,
  ip: optionalText,
  email: optionalText,
  attrs,
});

const orderLine = z.object({
  type: z.literal('order'),
  at,
  order: id,
  account: z
    .union([id, z.null()])
    .optional()
    .transform((value) => value ?? undefined),
  amount,
  device: optionalText,
  ip: optionalText,
  email: optionalText,
  discountCode: optionalText,
  attrs,
});

const lookupFailedLine = z
  .object({ type: z.literal('lookup_failed'), at, device: optionalText, ip: optionalText })
  .refine((line) => line.device !== undefined || line.ip !== undefined, 'needs a "device" or an "ip"');

const eventLine = z.discriminatedUnion('type', [accountLine, orderLine]);

/** The result of parsing one input line: an event, or a plain-words problem. */
export type ParsedLine = { ok: true; event: ReplayEvent } | { ok: false; problem: string };

/** Parses and validates one JSON Lines event; unknown extra fields are ignored. */
export function parseEventLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'is not valid JSON' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, problem: 'is not a JSON object' };
  const type = (json as { type?: unknown }).type;
  if (type !== 'account' && type !== 'order' && type !== 'lookup_failed')
    return { ok: false, problem: 'has a "type" that is not "account", "order" or "lookup_failed"' };
  const schema = type === 'lookup_failed' ? lookupFailedLine : eventLine;
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, event: parsed.data as ReplayEvent };
  const problems = parsed.error.issues.map((issue) => `"${issue.path.join('.')}" ${issue.message}`);
  return { ok: false, problem: problems.join('; ') };
}
