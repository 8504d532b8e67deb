import type { Pool } from 'pg';
import { systemClock, type Clock } from '../core/clock';
import { NotFoundError, ValidationError } from '../core/errors';
import type { ShopifyWriteBack } from '../connectors/shopify';
import { findShopById, readShopSettings, type Db } from '../db';
import { effectiveK, type AuditLog, type Pseudonymizer, type SubjectDataHolder } from '../privacy';
import { createChatTopics, type ChatTopics } from './chat-topics';
import { listExports, requestExport, runExport, type ExportRecord } from './export';
import {
  gateCount, gateSizeHistory, lastSizes, listSegments, measureSegment, parseSegmentQuery, recordSegmentSizes, saveSegment, segmentMakeup,
  type SavedSegment, type SegmentExpr, type SegmentMakeup, type SegmentSize,
} from './segments';
import { audienceSubjectHolder } from './subject/audience-subject-holder';
import { DEFINITIONS_VERSION, refreshAllTags, refreshSomeTags, TAG_DEFINITIONS, type FullRefreshReport, type TagDefinition } from './tags';

/** What the audience capability needs from the composition root. */
export interface AudienceDeps {
  database: { db: Db; pool: Pool };
  pseudonymizer: Pseudonymizer;
  auditLog: AuditLog;
  /** The connector's `writeBackFor`; used only by export jobs. */
  writeBackFor(shopId: string): Promise<ShopifyWriteBack>;
  clock?: Clock;
  /** Told when recording a chat topic failed (the buyer's turn goes on regardless). */
  onChatTopicError?: (error: unknown) => void;
}

/** A segment preview: its gated size and, when at least k, its k-gated make-up. */
export interface SegmentPreview {
  query: string;
  size: SegmentSize;
  makeup: SegmentMakeup | null;
}

/** A saved segment with its gated size now and at the previous full refresh. */
export interface SegmentSummary extends SavedSegment {
  size: SegmentSize;
  /**
   * Size at the latest full refresh and the one before, each only when at least k and not 1 to k-1 away
   * from a size shown beside it (the difference would be a small group that joined or left).
   */
  lastRefresh: { size: number | null; at: Date } | null;
  previousRefresh: { size: number | null; at: Date } | null;
  /** Latest minus previous refresh size: 0 or at least k either way; null when not shown. */
  change: number | null;
  /** True when both refresh sizes exist but the change is not shown (under k, or it would reveal a small group). */
  changeHidden: boolean;
}

/** The tag catalogue: definitions and the shop's k-gated distributions. */
export interface TagCatalogue {
  k: number;
  definitionsVersion: string;
  definitions: readonly TagDefinition[];
  profiles: number | null;
  lastRefresh: { at: Date; profiles: number; durationMs: number | null } | null;
  distributions: SegmentMakeup | null;
}

/** The audience capability: tags, segments under the k-floor, exports to Shopify, and buyers' erasure. */
export interface Audience {
  kFor(shopId: string): Promise<number>;
  refreshTags(shopId: string, onProgress?: (fraction: number) => void): Promise<FullRefreshReport & { segments: number }>;
  refreshCustomers(shopId: string, input: { customerIds?: number[]; orderIds?: number[] }): Promise<{ mode: 'incremental' | 'full'; profiles: number }>;
  segmentSize(shopId: string, query: string): Promise<SegmentSize>;
  previewSegment(shopId: string, query: string): Promise<SegmentPreview>;
  catalogue(shopId: string): Promise<TagCatalogue>;
  saveSegment(shopId: string, actor: string, input: { name: string; query: string }): Promise<SavedSegment>;
  listSegments(shopId: string): Promise<SegmentSummary[]>;
  requestExport(shopId: string, actor: string, segmentId: string, options?: { createShopifySegment?: boolean }): Promise<ExportRecord>;
  runExport(shopId: string, exportId: string, onProgress?: (fraction: number) => Promise<void> | void): Promise<ExportRecord>;
  listExports(shopId: string): Promise<ExportRecord[]>;
  /** Pass to `createSubjectRights({ holders })` so customers/redact erases tags and chat topics too. */
  subjectHolder: SubjectDataHolder;
  /** Pass to the bot (`createBotRuntime({ chatTopics })`): topics of conversations where the buyer proved who they are. */
  chatTopics: ChatTopics;
}

function parseOrFail(query: string): { expr: SegmentExpr; normalized: string } {
  const parsed = parseSegmentQuery(query);
  if (!parsed.ok) throw new ValidationError(`Query: ${parsed.error} (column ${parsed.column})`, { details: { column: parsed.column, problems: [{ path: 'query', message: parsed.error }] } });
  return parsed;
}

/** Builds the audience capability. */
export function createAudience(deps: AudienceDeps): Audience {
  const { db, pool } = deps.database;
  const clock = deps.clock ?? systemClock;
  const tagDeps = { pool, pseudonymizer: deps.pseudonymizer, clock };
  const kFor = async (shopId: string) => {
    const shop = await findShopById(db, shopId);
    if (!shop) throw new NotFoundError('No such shop');
    return effectiveK(readShopSettings(shop).kFloor);
  };
  const exportDeps = async (shopId: string) => ({ db, pool, pseudonymizer: deps.pseudonymizer, auditLog: deps.auditLog, clock, writeBackFor: deps.writeBackFor, k: await kFor(shopId) });

  const audience: Audience = {
    kFor,
    async refreshTags(shopId, onProgress) {
      const report = await refreshAllTags(tagDeps, shopId, onProgress);
      const segments = await recordSegmentSizes({ db, pool }, shopId, report.refreshId, clock.now());
      return { ...report, segments };
    },
    async refreshCustomers(shopId, input) {
      const profiles = await refreshSomeTags(tagDeps, shopId, input);
      if (profiles !== undefined) return { mode: 'incremental', profiles };
      return { mode: 'full', profiles: (await audience.refreshTags(shopId)).profiles };
    },
    async segmentSize(shopId, query) {
      return measureSegment(pool, shopId, parseOrFail(query).expr, await kFor(shopId));
    },
    async previewSegment(shopId, query) {
      const { expr, normalized } = parseOrFail(query);
      const k = await kFor(shopId);
      const size = await measureSegment(pool, shopId, expr, k);
      return { query: normalized, size, makeup: size.belowK ? null : await segmentMakeup(pool, shopId, expr, k, size.size) };
    },
    async catalogue(shopId) {
      const k = await kFor(shopId);
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM audience_profiles WHERE shop_id = $1', [shopId]);
      const total = Number(rows[0]?.n ?? 0);
      const { rows: refreshes } = await pool.query<{ finished_at: Date; profiles: number; duration_ms: number | null }>(
        `SELECT finished_at, profiles, duration_ms FROM audience_refreshes WHERE shop_id = $1 AND kind = 'full' AND status = 'done' ORDER BY started_at DESC LIMIT 1`,
        [shopId],
      );
      const last = refreshes[0];
      return {
        k,
        definitionsVersion: DEFINITIONS_VERSION,
        definitions: TAG_DEFINITIONS,
        profiles: gateCount(total, k),
        lastRefresh: last ? { at: last.finished_at, profiles: gateCount(last.profiles, k) ?? 0, durationMs: last.duration_ms } : null,
        distributions: total >= k ? await segmentMakeup(pool, shopId, undefined, k, total) : null,
      };
    },
    saveSegment: async (shopId, actor, input) => {
      const saved = await saveSegment(db, shopId, actor, input);
      await deps.auditLog.record({ shopId, actor: { kind: 'staff', id: actor }, action: 'audience.segment-save', subject: saved.id, detail: { query: saved.query } });
      return saved;
    },
    async listSegments(shopId) {
      const k = await kFor(shopId);
      const out: SegmentSummary[] = [];
      for (const segment of await listSegments(db, shopId)) {
        const [latest, previous] = await lastSizes(db, shopId, segment.id);
        const size = await measureSegment(pool, shopId, parseOrFail(segment.query).expr, k);
        const history = gateSizeHistory(k, size.size, latest?.size, previous?.size);
        const lastRefresh = latest ? { size: history.last, at: latest.measuredAt } : null;
        const previousRefresh = previous ? { size: history.previous, at: previous.measuredAt } : null;
        out.push({ ...segment, size, lastRefresh, previousRefresh, change: history.change, changeHidden: history.changeHidden });
      }
      return out;
    },
    requestExport: async (shopId, actor, segmentId, options) => requestExport(await exportDeps(shopId), shopId, actor, segmentId, options),
    runExport: async (shopId, exportId, onProgress) => runExport(await exportDeps(shopId), shopId, exportId, onProgress),
    listExports: (shopId) => listExports(db, shopId),
    subjectHolder: audienceSubjectHolder({ pool, pseudonymizer: deps.pseudonymizer }),
    chatTopics: createChatTopics({ pool, pseudonymizer: deps.pseudonymizer, clock, onError: deps.onChatTopicError }),
  };
  return audience;
}
