// Types only, and no imports: the admin UI imports this file too, so what the API answers and what
// the overview page reads cannot drift apart; anything imported here would be type-checked with the UI.

/** One sync run as the overview shows it. */
export interface SyncRunView {
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  objectsDone: number;
  objectsTotal: number | null;
  error: string | null;
}

/** What `GET /api/admin/overview` answers. */
export interface StoreOverview {
  shop: { domain: string; name: string; timezone: string; currency: string };
  counts: { orders: number; customers: number; products: number };
  lastSync: SyncRunView | null;
  runningSyncs: SyncRunView[];
  webhooks: { received24h: number; processed24h: number; failing24h: number; pending: number };
  ordersPerDay: { day: string; orders: number; revenue: number }[];
  generatedAt: string;
}
