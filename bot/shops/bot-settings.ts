import { z } from 'zod';

/** Days as keys of {@link BotSettings.businessHours}. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per day as `HH:MM-HH:MM`; a day that is missing or null is closed. */
export type BusinessHours = Partial<Record<Weekday, string | null>>;

/** The bot's part of a shop's settings document. */
export interface BotSettings {
  /** Below this score the bot says it is not sure; unset means 0.5 or the model's validated threshold if higher. */
  botThreshold?: number;
  /** Unset means no hours are published, and the bot never claims the team is away. */
  businessHours?: BusinessHours;
  privacyNoticeUrl?: string;
}

const range = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const fields = {
  botThreshold: z.number().min(0).max(1),
  businessHours: z.partialRecord(z.enum(WEEKDAYS), z.string().regex(range).nullable()),
  privacyNoticeUrl: z.url({ protocol: /^https?$/ }),
};

/**
 * Reads the bot's settings from a shop's settings document. Each field is checked on its own, so one
 * bad value falls back to its default instead of taking the bot down; `problems` names the fields dropped.
 */
export function parseBotSettings(settings: Record<string, unknown>): { settings: BotSettings; problems: string[] } {
  const result: BotSettings = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    if (settings[name] === undefined) continue;
    const parsed = schema.safeParse(settings[name]);
    if (parsed.success) (result as Record<string, unknown>)[name] = parsed.data;
    else problems.push(name);
  }
  return { settings: result, problems };
}
