import { z } from 'zod';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour), e.g. 09:00');

const openingHours = z
  .object({ open: timeOfDay, close: timeOfDay })
  .strict()
  .refine((hours) => hours.open < hours.close, { message: 'must close after it opens', path: ['close'] });

/** The weekdays, in the order the admin shows them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A weekday key of {@link BusinessHours}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday in the shop's own time zone; `null` means closed all day. */
export const businessHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, openingHours.nullable()])) as Record<Weekday, z.ZodNullable<typeof openingHours>>)
  .strict();

/** Who buyers and the regulator contact about personal data (PDPA's data protection officer). */
export const dataProtectionContactSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    email: z.email('must be an email address').max(320),
  })
  .strict();

/** The lowest k-anonymity floor a merchant may set; the design forbids anything smaller. */
export const MIN_K_FLOOR = 5;

/**
 * The merchant settings the admin edits, stored in `shops.settings`. Bot, privacy and audience code read
 * them through {@link readShopSettings}, so defaults live here and nowhere else.
 */
export const shopSettingsSchema = z
  .object({
    businessHours: businessHoursSchema,
    retentionDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days (10 years)'),
    kFloor: z.number().int('must be a whole number').min(MIN_K_FLOOR, `must be at least ${MIN_K_FLOOR}`).max(1000, 'must be at most 1000'),
    dataProtectionContact: dataProtectionContactSchema.nullable(),
    botConfidenceThreshold: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  })
  .strict();

/** What a PUT may send: any subset of the settings; unknown keys are refused by name. */
export const shopSettingsPatchSchema = shopSettingsSchema.partial().strict();

/** The merchant settings with every default filled in. */
export type ShopSettings = z.infer<typeof shopSettingsSchema>;
/** Business hours per weekday. */
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const weekdayHours = { open: '09:00', close: '18:00' };

/** Settings of a shop that never changed them. */
export const defaultShopSettings: ShopSettings = Object.freeze({
  businessHours: { mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours, sat: null, sun: null },
  retentionDays: 30,
  kFloor: 10,
  dataProtectionContact: null,
  // The bot's own floor when a shop never saved one (bot/conversation/handle-message.ts).
  botConfidenceThreshold: 0.5,
}) as ShopSettings;

/**
 * The shop's settings with defaults for anything missing. A stored value that no longer validates
 * (an older version wrote it, or someone edited the row) falls back to its default on its own, so one
 * bad field never hides the others.
 */
export function readShopSettings(shop: { settings: Record<string, unknown> | null | undefined }): ShopSettings {
  const stored = shop.settings ?? {};
  const result = { ...defaultShopSettings } as Record<string, unknown>;
  for (const [key, field] of Object.entries(shopSettingsSchema.shape)) {
    if (!(key in stored)) continue;
    const parsed = (field as z.ZodType).safeParse(stored[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as ShopSettings;
}

/** One problem with submitted settings: where, and what is wrong. */
export interface SettingsProblem {
  path: string;
  message: string;
}

/** Validates a settings patch; every problem is listed, none is fixed silently. */
export function parseShopSettingsPatch(input: unknown): { ok: true; patch: Partial<ShopSettings> } | { ok: false; problems: SettingsProblem[] } {
  const parsed = shopSettingsPatchSchema.safeParse(input);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const problems: SettingsProblem[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: base ? `${base}.${key}` : key, message: 'is not a known setting' });
    } else {
      problems.push({ path: base || '(body)', message: issue.message });
    }
  }
  return { ok: false, problems };
}

/** Whether the shop is open at `at`, judged on the wall clock of `timeZone`. */
export function isWithinBusinessHours(hours: BusinessHours, timeZone: string, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  const today = hours[day];
  if (!today) return false;
  const now = `${part('hour')}:${part('minute')}`;
  return now >= today.open && now < today.close;
}
