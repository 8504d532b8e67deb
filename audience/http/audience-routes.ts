import type { Request } from 'restify';
import { ValidationError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import type { Audience } from '../create-audience';

/** What the audience routes need. `enqueue` is the job runner's (exports and refreshes run as jobs). */
export interface AudienceRouteDeps {
  audience: Audience;
  authenticate: (req: Request) => Promise<{ shopId: string; actor: string }>;
  enqueue(name: string, data: unknown): Promise<unknown>;
}

const bodyOf = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>) : {});
const stringField = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  if (typeof value !== 'string') throw new ValidationError(`"${name}" must be a string`, { details: { problems: [{ path: name, message: 'required' }] } });
  return value;
};

/**
 * Staff routes under `/api/admin/audience`: the tag catalogue, segment preview (size and make-up, never
 * under k), saved segments with change since the last refresh, exports to Shopify and their history.
 */
export function audienceRoutes(deps: AudienceRouteDeps): RouteModule {
  const { audience } = deps;
  return (server) => {
    server.get('/api/admin/audience/catalogue', async (req, res) => {
      const { shopId } = await deps.authenticate(req);
      res.send(200, await audience.catalogue(shopId));
    });
    server.post('/api/admin/audience/segments/preview', async (req, res) => {
      const { shopId } = await deps.authenticate(req);
      res.send(200, await audience.previewSegment(shopId, stringField(bodyOf(req), 'query')));
    });
    server.get('/api/admin/audience/segments', async (req, res) => {
      const { shopId } = await deps.authenticate(req);
      res.send(200, { segments: await audience.listSegments(shopId) });
    });
    server.post('/api/admin/audience/segments', async (req, res) => {
      const { shopId, actor } = await deps.authenticate(req);
      const body = bodyOf(req);
      res.send(201, { segment: await audience.saveSegment(shopId, actor, { name: stringField(body, 'name'), query: stringField(body, 'query') }) });
    });
    server.post('/api/admin/audience/segments/:id/export', async (req, res) => {
      const { shopId, actor } = await deps.authenticate(req);
      const createShopifySegment = bodyOf(req).createShopifySegment === true;
      const record = await audience.requestExport(shopId, actor, String(req.params?.id ?? ''), { createShopifySegment });
      await deps.enqueue('audience.export-segment', { shopId, exportId: record.id });
      res.send(202, { export: record });
    });
    server.get('/api/admin/audience/exports', async (req, res) => {
      const { shopId } = await deps.authenticate(req);
      res.send(200, { exports: await audience.listExports(shopId) });
    });
    server.post('/api/admin/audience/refresh', async (req, res) => {
      const { shopId } = await deps.authenticate(req);
      await deps.enqueue('audience.refresh-tags', { shopId });
      res.send(202, { queued: true });
    });
  };
}
