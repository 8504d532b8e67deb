import type { Request, Response, Server } from 'restify';
import { ValidationError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import { decideAppeal, listAppeals } from '../appeals';
import { addBlocklistEntry, blocklistEntryHistory, endBlocklistEntry, listBlocklistEntries } from '../blocklist-entries';
import { listRiskQueue, type RiskService } from '../decisions';
import type { RiskActor } from '../ports';

/** What the risk admin routes need; `authenticate` is the admin's `authenticateStaff`. */
export interface RiskAdminRoutesDeps {
  service: RiskService;
  authenticate: (req: Request) => Promise<{ shopId: string; actor: string }>;
  /** Called after a review or an appeal changed a verdict (enqueue `risk.write-back` here). */
  onVerdictChanged?: (shopId: string, verdictId: string) => Promise<void>;
}

function objectBody(req: Request): Record<string, unknown> {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body))
    throw new ValidationError('Send a JSON object', { details: { problems: [{ path: '(body)', message: 'must be a JSON object' }] } });
  return body as Record<string, unknown>;
}

function param(req: Request, name: string): string {
  return String((req.params as Record<string, string>)[name] ?? '');
}

function query(req: Request, name: string): string | undefined {
  const value = new URL(req.url ?? '/', 'http://x').searchParams.get(name);
  return value ?? undefined;
}

/**
 * The merchant's risk API under `/api/admin/risk/*`: queue and reviews, rules, blocklist, appeals.
 * The shop is always the authenticated one.
 */
export function riskAdminRoutes(deps: RiskAdminRoutesDeps): RouteModule {
  const { service } = deps;
  const { db, clock } = service.deps;
  const who = async (req: Request): Promise<{ shopId: string; actor: RiskActor }> => {
    const identity = await deps.authenticate(req);
    return { shopId: identity.shopId, actor: { kind: 'staff', id: identity.actor } };
  };
  const send = (res: Response, status: number, body: unknown) => {
    res.setHeader('cache-control', 'no-store');
    res.send(status, body);
  };

  return (server: Server): void => {
    server.get('/api/admin/risk/queue', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      const status = query(req, 'status') === 'decided' ? 'decided' : 'open';
      send(res, 200, { items: await listRiskQueue(db, shopId, { status }) });
    });
    server.post('/api/admin/risk/verdicts/:id/review', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      const result = await service.review(shopId, actor, param(req, 'id'), objectBody(req));
      await deps.onVerdictChanged?.(shopId, result.verdict.id);
      send(res, 200, result);
    });
    server.get('/api/admin/risk/rules', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      send(res, 200, await service.getRules(shopId));
    });
    server.put('/api/admin/risk/rules', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      send(res, 200, await service.putRules(shopId, actor, objectBody(req)));
    });
    server.post('/api/admin/risk/rules/preview', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      send(res, 200, await service.previewRules(shopId, objectBody(req)));
    });
    server.get('/api/admin/risk/blocklist', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      send(res, 200, { entries: await listBlocklistEntries({ db, clock }, shopId, { includeInactive: query(req, 'all') === '1' }) });
    });
    server.post('/api/admin/risk/blocklist', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      send(res, 201, { entry: await addBlocklistEntry(service.deps, shopId, actor, objectBody(req) as never) });
    });
    server.post('/api/admin/risk/blocklist/:id/expire', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      const body = objectBody(req);
      const at = typeof body.at === 'string' ? new Date(body.at) : clock.now();
      if (Number.isNaN(at.getTime())) throw new ValidationError('`at` must be an ISO date', { details: { problems: [{ path: 'at', message: 'not a date' }] } });
      send(res, 200, { entry: await endBlocklistEntry(service.deps, shopId, actor, param(req, 'id'), { action: 'expire', at }, typeof body.note === 'string' ? body.note : undefined) });
    });
    server.del('/api/admin/risk/blocklist/:id', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      send(res, 200, { entry: await endBlocklistEntry(service.deps, shopId, actor, param(req, 'id'), { action: 'remove' }) });
    });
    server.get('/api/admin/risk/blocklist/:id/history', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      send(res, 200, { events: await blocklistEntryHistory({ db }, shopId, param(req, 'id')) });
    });
    server.get('/api/admin/risk/appeals', async (req: Request, res: Response) => {
      const { shopId } = await who(req);
      const status = query(req, 'status') === 'decided' ? 'decided' : 'open';
      send(res, 200, { appeals: await listAppeals(db, shopId, { status, now: clock.now() }) });
    });
    server.post('/api/admin/risk/appeals/:id/decide', async (req: Request, res: Response) => {
      const { shopId, actor } = await who(req);
      const appeal = await decideAppeal(service.deps, shopId, actor, param(req, 'id'), objectBody(req));
      if (appeal.verdict) await deps.onVerdictChanged?.(shopId, appeal.verdict.id);
      send(res, 200, { appeal });
    });
  };
}
