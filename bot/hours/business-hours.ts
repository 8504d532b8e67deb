import type { BusinessHours, Weekday } from '../shops/bot-settings';
import { WEEKDAYS } from '../shops/bot-settings';

/** Whether the shop's team is in now, and if not, when it next is (weekday and local time). */
export type Availability = { open: true } | { open: false; next?: { day: Weekday; time: string } };

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): { day: number; minutes: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3) as Weekday);
  return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Works out from the shop's hours (in its own time zone) whether someone is in now.
 * Without published hours the team counts as in: the bot must not invent closing times.
 */
export function availabilityAt(at: Date, timeZone: string, hours: BusinessHours | undefined): Availability {
  if (!hours) return { open: true };
  let local: { day: number; minutes: number };
  try {
    local = localParts(at, timeZone);
  } catch {
    local = localParts(at, 'UTC');
  }
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = WEEKDAYS[(local.day + offset) % 7]!;
    const range = hours[day];
    if (!range) continue;
    const from = range.open;
    const start = toMinutes(from);
    const end = toMinutes(range.close);
    if (offset === 0 && local.minutes >= start && local.minutes < end) return { open: true };
    if (offset === 0 && local.minutes >= start) continue;
    if (start < end) return { open: false, next: { day, time: from } };
  }
  return { open: false };
}
