import { z } from 'zod';
import type { RouteModule } from '../../core/http';
import type { Db } from '../../db';
import type { AuditLog, AuthenticateStaffRequest } from '../../privacy';
import { listModelVersions } from '../model-versions';
import { listTrainingRuns } from '../retrain';
import { rollbackModel } from '../model-versions';
import { parseInput, queryOf } from './parse-request';

/** What {@link modelRoutes} needs. */
export interface ModelRoutesDeps {
  db: Db;
  auditLog: Pick<AuditLog, 'record'>;
  authenticate: AuthenticateStaffRequest;
  /** Enqueues `training.retrain` for the shop (training never runs in a request); the retrain button is hidden without it. */
  requestRetrain?: (shopId: string, language: string) => Promise<string>;
}

const language = z.enum(['en', 'zh', 'ms', 'ta']);

/**
 * Model versions under `/api/admin/models`, scoped by the authenticated shop: `GET /?language=` (versions with
 * metrics, recent runs), `POST /activate {language, version}` (rollback or promote, audited) and, when
 * retraining can be requested, `POST /retrain {language}` (202 with the job id).
 */
export function modelRoutes(deps: ModelRoutesDeps): RouteModule {
  return (server) => {
    server.get('/api/admin/models', async (req, res) => {
      const staff = await deps.authenticate(req);
      const query = parseInput(z.object({ language: language.optional() }).strict(), queryOf(req), 'query');
      const versions = await listModelVersions(deps.db, staff.shopId, { language: query.language });
      const runs = await listTrainingRuns(deps.db, staff.shopId, { language: query.language, limit: 10 });
      res.send(200, {
        versions,
        runs: runs.map((r) => ({ id: r.id, language: r.language, trigger: r.trigger, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt, promoted: r.promoted, error: r.error })),
        canRetrain: Boolean(deps.requestRetrain),
      });
    });
    server.post('/api/admin/models/activate', async (req, res) => {
      const staff = await deps.authenticate(req);
      const body = parseInput(z.object({ language, version: z.number().int().min(1) }).strict(), req.body, 'activation');
      const result = await rollbackModel(deps, { shopId: staff.shopId, language: body.language, version: body.version, actor: { kind: 'staff', id: staff.actor } });
      res.send(200, result);
    });
    server.post('/api/admin/models/retrain', async (req, res) => {
      const staff = await deps.authenticate(req);
      const body = parseInput(z.object({ language: language.default('en') }).strict(), req.body, 'retrain request');
      if (!deps.requestRetrain) return void res.send(501, { code: 'not_available', message: 'Retraining on request is not wired on this server' });
      res.send(202, { jobId: await deps.requestRetrain(staff.shopId, body.language) });
    });
  };
}
