import { z } from 'zod';
import { businessHoursSchema, shopSettingsSchema, type BusinessHours as StoredHours } from '../../db';

/** Days as keys of {@link BotSettings.businessHours}. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per day, as the admin stores them (`{ open, close }`); a day that is missing or null is closed. */
export type BusinessHours = Partial<StoredHours>;

/** The bot's part of a shop's settings document. */
export interface BotSettings {
  /** Below this score the bot says it is not sure (the admin's `botConfidenceThreshold`); unset means 0.5 or the model's validated threshold if higher. */
  botThreshold?: number;
  /** Unset means no hours are published, and the bot never claims the team is away. */
  businessHours?: BusinessHours;
  privacyNoticeUrl?: string;
}

const stored = {
  threshold: shopSettingsSchema.shape.botConfidenceThreshold,
  hours: businessHoursSchema,
  privacyNoticeUrl: z.url({ protocol: /^https?$/ }),
};

/**
 * Reads the bot's settings from a shop's settings document, as the admin's Settings page saves it
 * (`db/shops/shop-settings.ts`): `botConfidenceThreshold`, and `businessHours` as `{ open, close }` per day.
 * Only what the merchant saved counts: an unsaved threshold leaves the model's own, and unsaved hours mean the bot
 * never claims the team is away. Each field is checked on its own, so one bad value falls back to its default
 * instead of taking the bot down; `problems` names the fields dropped.
 */
export function parseBotSettings(settings: Record<string, unknown>): { settings: BotSettings; problems: string[] } {
  const result: BotSettings = {};
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>, use: (value: T) => void) => {
    if (settings[name] === undefined || settings[name] === null) return;
    const parsed = schema.safeParse(settings[name]);
    if (parsed.success) use(parsed.data);
    else problems.push(name);
  };
  read('botConfidenceThreshold', stored.threshold, (value) => (result.botThreshold = value));
  read('businessHours', stored.hours, (hours) => (result.businessHours = hours));
  read('privacyNoticeUrl', stored.privacyNoticeUrl, (url) => (result.privacyNoticeUrl = url));
  return { settings: result, problems };
}
