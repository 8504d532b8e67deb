import type { Request, Response, Server } from 'restify';
import { AppError, ValidationError } from '../../../core/errors';
import { listActivities, postActivity } from './activity-handlers';
import { generateToken, guard, reconnect, refreshToken, startConversation } from './conversation-handlers';
import type { DirectLineContext } from './direct-line-context';
import { queryOf } from '../shared';
import { parseWatermark } from './stream-url';

const BASE = '/v3/directline';

function param(req: Request, name: string): string {
  return String((req.params as Record<string, unknown>)[name] ?? '');
}

/** Registers the REST half of the Direct Line 3.0 subset under `/v3/directline`. */
export function registerDirectLineRoutes(server: Server, ctx: DirectLineContext): void {
  server.post(`${BASE}/tokens/generate`, async (req: Request, res: Response) => {
    res.send(200, await generateToken(ctx, req));
  });
  server.post(`${BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    res.send(200, await refreshToken(ctx, req));
  });
  server.post(`${BASE}/conversations`, async (req: Request, res: Response) => {
    const { status, body } = await startConversation(ctx, req);
    res.send(status, body);
  });
  server.get(`${BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const watermark = parseWatermark(queryOf(req).get('watermark') ?? undefined);
    if (watermark === null) throw new ValidationError('watermark must be a non-negative integer');
    res.send(200, await reconnect(ctx, req, param(req, 'conversationId'), watermark));
  });
  server.post(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    res.send(200, await postActivity(ctx, req, param(req, 'conversationId')));
  });
  server.get(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    res.send(200, await listActivities(ctx, req, param(req, 'conversationId')));
  });
  server.post(`${BASE}/conversations/:conversationId/upload`, async (req: Request) => {
    await guard(ctx, req, param(req, 'conversationId'));
    throw new AppError('uploads_not_supported', 'This chat does not accept file uploads', { status: 415 });
  });
}
