/** A shop as the admin shows it. */
export interface ShopView {
  id: string;
  domain: string;
  name: string;
  timezone: string;
  currency: string;
}

/** `GET /api/admin/session`. */
export interface SessionInfo {
  via: 'password' | 'session-token';
  actor: string;
  shop: ShopView | null;
  shops: { id: string; domain: string; name: string }[];
  csrfToken: string | null;
}

// Declared once, beside the API that answers them; type-only, so nothing from server/ reaches the bundle.
export type { StoreOverview as Overview, SyncRunView as SyncRun } from '../../../server/admin-api/store-overview-types';

/** Opening hours of one day, or null when closed. */
export type DayHours = { open: string; close: string } | null;

/** The shop settings, as `GET/PUT /api/admin/settings` carry them. */
export interface Settings {
  businessHours: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', DayHours>;
  retentionDays: number;
  kFloor: number;
  dataProtectionContact: { name: string; email: string } | null;
  botConfidenceThreshold: number;
}
