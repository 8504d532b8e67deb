import type { Request } from 'restify';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import type { AuditLog } from '../audit';
import type { SubjectRights } from './create-subject-rights';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff routes for buyers' requests: `GET /api/admin/privacy/requests` lists them (no personal data);
 * `GET /api/admin/privacy/requests/:id/export` gives a data request's export for the merchant to send
 * to the buyer, and audits that staff took it.
 */
export function subjectRequestRoutes(deps: {
  subjectRights: SubjectRights;
  auditLog: AuditLog;
  authenticate: (req: Request) => Promise<{ shopId: string; actor: string }>;
}): RouteModule {
  return (server) => {
    server.get('/api/admin/privacy/requests', async (req, res) => {
      const staff = await deps.authenticate(req);
      res.send(200, { requests: await deps.subjectRights.requests.list(staff.shopId) });
    });
    server.get('/api/admin/privacy/requests/:id/export', async (req, res) => {
      const staff = await deps.authenticate(req);
      const id = String(req.params?.id ?? '');
      if (!UUID.test(id)) throw new ValidationError('Request id must be a UUID');
      const exported = await deps.subjectRights.requests.readExport(staff.shopId, id, deps.subjectRights.clock.now());
      if (exported === undefined) throw new NotFoundError('No export for this request (unknown, not a data request, or expired after 30 days)');
      await deps.auditLog.record({ shopId: staff.shopId, actor: { kind: 'staff', id: staff.actor }, action: 'subject.export-download', subject: id });
      res.setHeader('content-disposition', `attachment; filename="data-request-${id}.json"`);
      res.send(200, exported);
    });
  };
}
