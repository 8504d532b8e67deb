import { z } from 'zod';
import type { RouteModule } from '../../core/http';
import type { Db } from '../../db';
import type { AuditLog, AuthenticateStaffRequest } from '../../privacy';
import type { AnswerCatalog } from '../default-catalog';
import { countOpenReviewItems, createReviewActions, listReviewItems } from '../review-queue';
import type { SaveAnswerOverride } from '../review-queue';
import { parseInput, queryOf } from './parse-request';
import { readTrainingStats } from './training-stats';

/** What {@link reviewQueueRoutes} needs. */
export interface ReviewQueueRoutesDeps {
  db: Db;
  auditLog: Pick<AuditLog, 'record'>;
  authenticate: AuthenticateStaffRequest;
  /** The bot's `saveAnswerOverride`: a new intent's answer is stored where the bot reads answers. */
  saveAnswerOverride: SaveAnswerOverride;
  catalog?: AnswerCatalog;
  now?: () => Date;
}

const BASE = '/api/admin/review-queue';
const id = z.uuid();
const language = z.enum(['en', 'zh', 'ms', 'ta']);
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), before: z.string().regex(/^[^|]+\|[0-9a-f-]{36}$/).optional() }).strict();
const languageQuery = z.object({ language: language.default('en') }).strict();

/**
 * The trainers' review queue under `/api/admin/review-queue`, scoped by the authenticated shop:
 * `GET /` (open items, newest first, with the open count), `GET /intents?language=`, `GET /stats?language=`,
 * and `POST /:id/assign {intent}`, `/:id/new-intent {intent, answer}`, `/:id/out-of-scope`, `/:id/dismiss`,
 * `/:id/merge {duplicates}`.
 */
export function reviewQueueRoutes(deps: ReviewQueueRoutesDeps): RouteModule {
  const actions = createReviewActions(deps);
  const now = deps.now ?? (() => new Date());
  const itemId = (params: unknown) => parseInput(z.object({ id }), params, 'review item id').id;
  return (server) => {
    server.get(BASE, async (req, res) => {
      const staff = await deps.authenticate(req);
      const query = parseInput(listQuery, queryOf(req), 'query');
      const [at, beforeId] = query.before?.split('|') ?? [];
      const before = at && beforeId ? { createdAt: parseInput(z.coerce.date(), at, 'before'), id: beforeId } : undefined;
      const limit = query.limit ?? 50;
      const items = await listReviewItems(deps.db, staff.shopId, { limit, before });
      const last = items.length === limit ? items[items.length - 1] : undefined;
      res.send(200, {
        items: items.map(({ shopId: _shop, conversationRef: _ref, ...item }) => item),
        open: await countOpenReviewItems(deps.db, staff.shopId),
        nextBefore: last ? `${last.createdAt.toISOString()}|${last.id}` : null,
      });
    });
    server.get(`${BASE}/intents`, async (req, res) => {
      const staff = await deps.authenticate(req);
      const query = parseInput(languageQuery, queryOf(req), 'query');
      res.send(200, { language: query.language, intents: await actions.knownIntents(staff.shopId, query.language) });
    });
    server.get(`${BASE}/stats`, async (req, res) => {
      const staff = await deps.authenticate(req);
      const query = parseInput(languageQuery, queryOf(req), 'query');
      const stats = await readTrainingStats(deps.db, staff.shopId, query.language, now());
      res.send(200, { ...stats, open: await countOpenReviewItems(deps.db, staff.shopId) });
    });
    server.post(`${BASE}/:id/assign`, async (req, res) => {
      const staff = await deps.authenticate(req);
      const body = parseInput(z.object({ intent: z.string() }).strict(), req.body, 'assignment');
      res.send(200, await actions.assign(staff, itemId(req.params), body.intent));
    });
    server.post(`${BASE}/:id/new-intent`, async (req, res) => {
      const staff = await deps.authenticate(req);
      const body = parseInput(z.object({ intent: z.string(), answer: z.unknown() }).strict(), req.body, 'new intent');
      res.send(201, await actions.createIntent(staff, itemId(req.params), body));
    });
    server.post(`${BASE}/:id/out-of-scope`, async (req, res) => {
      const staff = await deps.authenticate(req);
      res.send(200, await actions.markOutOfScope(staff, itemId(req.params)));
    });
    server.post(`${BASE}/:id/dismiss`, async (req, res) => {
      const staff = await deps.authenticate(req);
      res.send(200, await actions.dismiss(staff, itemId(req.params)));
    });
    server.post(`${BASE}/:id/merge`, async (req, res) => {
      const staff = await deps.authenticate(req);
      const body = parseInput(z.object({ duplicates: z.array(id).min(1).max(100) }).strict(), req.body, 'merge');
      res.send(200, await actions.merge(staff, itemId(req.params), body.duplicates));
    });
  };
}
