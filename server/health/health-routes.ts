import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { UnauthorizedError } from '../../core/errors';
import type { Metrics } from '../../core/metrics';

/** What /readyz asks of the process. */
export interface ReadinessProbe {
  /** Resolves when the database answers and migrations are applied; rejects with a reason otherwise. */
  database(): Promise<void>;
  /** Whether background jobs are running in this process (true when the process runs none by design). */
  jobs(): boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the bearer token; compared in constant time, whatever its length. */
function hasBearer(req: Request, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(token));
}

/** `/healthz`, `/readyz` and `/metrics` (behind a bearer token when `metricsToken` is set). */
export function healthRoutes(deps: { probe: ReadinessProbe; metrics: Metrics; metricsToken?: string }) {
  return (server: Server): void => {
    server.get('/healthz', async (_req: Request, res: Response) => {
      res.send(200, { status: 'ok' });
    });
    server.get('/readyz', async (_req: Request, res: Response) => {
      const checks: Record<string, string> = {};
      try {
        await deps.probe.database();
        checks.database = 'ok';
      } catch (error) {
        checks.database = (error as Error).message || 'unreachable';
      }
      checks.jobs = deps.probe.jobs() ? 'ok' : 'stopped';
      const ready = Object.values(checks).every((value) => value === 'ok');
      res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks });
    });
    server.get('/metrics', async (req: Request, res: Response) => {
      if (deps.metricsToken !== undefined && !hasBearer(req, deps.metricsToken)) throw new UnauthorizedError('Metrics need the bearer token set in METRICS_TOKEN');
      const body = await deps.metrics.registry.metrics();
      res.setHeader('content-type', deps.metrics.registry.contentType);
      res.sendRaw(200, body);
    });
  };
}
