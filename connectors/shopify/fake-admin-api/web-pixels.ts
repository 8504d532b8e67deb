import type { ExecContext } from './exec-context';
import type { WebPixelRecord } from './types';

type Args = Record<string, unknown>;
type WebPixelUserError = { field: string[] | null; message: string; code: string };

/** Shopify checks settings against the extension's definition; the fake asks for a JSON object of strings. */
function settingsErrors(settings: unknown): WebPixelUserError[] {
  let parsed: unknown = settings;
  if (typeof settings === 'string') {
    try {
      parsed = JSON.parse(settings);
    } catch {
      return [{ field: ['webPixel', 'settings'], message: 'The provided settings is not a valid JSON.', code: 'INVALID_CONFIGURATION_JSON' }];
    }
  }
  const valid = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string' && v.length > 0);
  return valid ? [] : [{ field: ['webPixel', 'settings'], message: 'The provided settings does not match the expected settings definition on the app.', code: 'INVALID_SETTINGS' }];
}

/** Settings as Shopify returns them: a JSON string. */
const asJsonString = (settings: unknown): string => (typeof settings === 'string' ? JSON.stringify(JSON.parse(settings)) : JSON.stringify(settings));

function record(ctx: ExecContext, mutation: 'webPixelCreate' | 'webPixelUpdate', input: Args, userErrors: WebPixelUserError[]): void {
  ctx.state.writes.push({ mutation, at: new Date(ctx.now()).toISOString(), input: structuredClone(input), userErrors });
}

/** `webPixelCreate(webPixel: { settings })`: one pixel per app and shop, so a second create is TAKEN. */
export function webPixelCreate(ctx: ExecContext, args: Args) {
  const input = args.webPixel as { settings: unknown };
  const errors = settingsErrors(input.settings);
  if (errors.length === 0 && ctx.state.webPixel) errors.push({ field: null, message: 'Web pixel is taken.', code: 'TAKEN' });
  let webPixel: WebPixelRecord | null = null;
  if (errors.length === 0) webPixel = ctx.state.webPixel = { id: 'gid://shopify/WebPixel/7000001', settings: asJsonString(input.settings) };
  record(ctx, 'webPixelCreate', { webPixel: input }, errors);
  return { webPixel, userErrors: errors };
}

/** `webPixelUpdate(id, webPixel: { settings })`. */
export function webPixelUpdate(ctx: ExecContext, args: Args) {
  const input = args.webPixel as { settings: unknown };
  const errors = settingsErrors(input.settings);
  if (errors.length === 0 && ctx.state.webPixel?.id !== args.id) errors.push({ field: ['id'], message: 'Web pixel not found.', code: 'NOT_FOUND' });
  if (errors.length === 0) ctx.state.webPixel = { id: String(args.id), settings: asJsonString(input.settings) };
  record(ctx, 'webPixelUpdate', { id: args.id, webPixel: input }, errors);
  return { webPixel: errors.length ? null : ctx.state.webPixel, userErrors: errors };
}
