import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import type { InboxService } from './inbox-service';

/** Staff authentication, provided by the admin shell: the shop and who is acting, or a thrown 401/403. */
export type Authenticate = (req: Request) => Promise<{ shopId: string; actor: string }>;

/** Dependencies of {@link inboxRoutes}. */
export interface InboxRoutesDeps {
  inbox: InboxService;
  authenticate: Authenticate;
  /** Defaults to `/admin/api/inbox`. */
  basePath?: string;
}

const UUID = z.uuid();
const replySchema = z.object({ text: z.string().trim().min(1).max(4000) });

function handoffId(req: Request): string {
  const parsed = UUID.safeParse(req.params?.id);
  if (!parsed.success) throw new ValidationError('The handoff id must be a UUID');
  return parsed.data;
}

/**
 * The merchant inbox API: `GET {base}/handoffs` lists open handoffs with transcripts,
 * `POST {base}/handoffs/:id/replies` `{ text }` replies through the buyer's channel, `POST {base}/handoffs/:id/close` closes.
 */
export function inboxRoutes(deps: InboxRoutesDeps): (server: Server) => void {
  const base = deps.basePath ?? '/admin/api/inbox';
  return (server) => {
    server.get(`${base}/handoffs`, async (req: Request, res: Response) => {
      const staff = await deps.authenticate(req);
      res.send(200, { handoffs: await deps.inbox.list(staff.shopId) });
    });
    server.post(`${base}/handoffs/:id/replies`, async (req: Request, res: Response) => {
      const staff = await deps.authenticate(req);
      const id = handoffId(req);
      const body = replySchema.safeParse(req.body);
      if (!body.success) throw new ValidationError('A reply needs "text" (1 to 4,000 characters)');
      res.send(202, await deps.inbox.reply(staff.shopId, id, staff.actor, body.data.text));
    });
    server.post(`${base}/handoffs/:id/close`, async (req: Request, res: Response) => {
      const staff = await deps.authenticate(req);
      res.send(200, await deps.inbox.close(staff.shopId, handoffId(req), staff.actor));
    });
  };
}
