import type { DemoStore } from '../demo-store';

/** One write the app made through a mutation, kept so tests can inspect it. */
export interface WriteRecord {
  mutation: 'tagsAdd' | 'tagsRemove' | 'orderRiskAssessmentCreate' | 'segmentCreate' | 'bulkOperationRunQuery' | 'webPixelCreate' | 'webPixelUpdate';
  at: string;
  input: Record<string, unknown>;
  userErrors: Array<{ field?: string[] | null; message: string; code?: string | null }>;
}

/** The app's web pixel on a shop: Shopify keeps one per app, its settings a JSON string. */
export interface WebPixelRecord {
  id: string;
  settings: string;
}

export interface RiskAssessmentRecord {
  orderId: string;
  riskLevel: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | 'PENDING';
  facts: Array<{ description: string; sentiment: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' }>;
  createdAt: string;
}

export interface SegmentRecord {
  id: string;
  name: string;
  query: string;
  creationDate: string;
  lastEditDate: string;
}

export interface BulkOperationRecord {
  id: string;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED';
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  query: string;
  type: 'QUERY';
  /** Where the JSONL sits on disk (not part of the API). */
  filePath: string;
}

/** A webhook the fake sent, kept so it can be inspected and delivered again. */
export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  body: string;
  headers: Record<string, string>;
  target: string;
  attempts: Array<{ at: string; status: number | null; error?: string }>;
}

/** Options of {@link startFakeAdminApi}. */
export interface FakeAdminApiOptions {
  /** TCP port; 0 (the default) picks a free one. Binds 127.0.0.1 unless `host` says otherwise. */
  port?: number;
  host?: string;
  /** The shop to serve; more shops can be given in `stores`. */
  store: DemoStore;
  stores?: DemoStore[];
  apiKey: string;
  apiSecret: string;
  /** Where webhooks are POSTed, e.g. `http://127.0.0.1:3000/webhooks`; none means webhooks are recorded only. */
  webhookTarget?: string;
  /** Scopes granted by OAuth and token exchange. */
  scopes?: string[];
  /** Cost bucket; Shopify's default for the standard plan is 2000 points restoring 100/s. */
  maximumAvailable?: number;
  restoreRate?: number;
  /** A single query above this cost fails with MAX_COST_EXCEEDED (Shopify: 1000). */
  maxSingleQueryCost?: number;
  /** Bulk operations stay RUNNING at least this long, so pollers see the transition (default 50 ms). */
  bulkMinRunMs?: number;
  /** Stores up to this many orders are held in memory; larger ones are streamed from the generator (default 200,000). */
  maxInMemoryOrders?: number;
  /** Folder for bulk JSONL results; a fresh temp folder by default, removed on close. */
  bulkDir?: string;
  /** Milliseconds since epoch; lets tests drive the bucket and timestamps. */
  now?: () => number;
}
