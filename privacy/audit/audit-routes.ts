import type { Request } from 'restify';
import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import { ACTOR_KINDS } from './audit-event';
import type { AuditLog } from './create-audit-log';

/** Resolves the calling staff member and their shop; throws the AppError family when it can't. */
export type AuthenticateStaffRequest = (req: Request) => Promise<{ shopId: string; actor: string }>;

const querySchema = z
  .object({
    actorKind: z.enum(ACTOR_KINDS).optional(),
    actorId: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
    subject: z.string().max(200).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();

/** `GET /api/admin/audit`: the shop's audit entries, newest first, for its staff. */
export function auditRoutes(deps: { auditLog: AuditLog; authenticate: AuthenticateStaffRequest }): RouteModule {
  return (server) => {
    server.get('/api/admin/audit', async (req, res) => {
      const staff = await deps.authenticate(req);
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
      const parsed = querySchema.safeParse(query);
      if (!parsed.success) throw new ValidationError(`Invalid audit query: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'} ${i.message}`).join('; ')}`);
      const { limit, before, ...filters } = parsed.data;
      const page = await deps.auditLog.list(staff.shopId, filters, { limit, before });
      res.send(200, page);
    });
  };
}
