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

/** One sync run. */
export interface SyncRun {
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  objectsDone: number;
  objectsTotal: number | null;
  error: string | null;
}

/** `GET /api/admin/overview`. */
export interface Overview {
  shop: { domain: string; name: string; timezone: string; currency: string };
  counts: { orders: number; customers: number; products: number };
  lastSync: SyncRun | null;
  runningSyncs: SyncRun[];
  webhooks: { received24h: number; processed24h: number; failing24h: number; pending: number };
  ordersPerDay: { day: string; orders: number; revenue: number }[];
  generatedAt: string;
}

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
