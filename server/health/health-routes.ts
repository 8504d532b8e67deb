import type { Request, Response, Server } from 'restify';
import type { Metrics } from '../../core/metrics';

/** What /readyz asks of the process. */
export interface ReadinessProbe {
  /** Resolves when the database answers and migrations are applied; rejects with a reason otherwise. */
  database(): Promise<void>;
  /** Whether background jobs are running in this process (true when the process runs none by design). */
  jobs(): boolean;
}

/** `/healthz`, `/readyz` and `/metrics`. */
export function healthRoutes(deps: { probe: ReadinessProbe; metrics: Metrics }) {
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
    server.get('/metrics', async (_req: Request, res: Response) => {
      const body = await deps.metrics.registry.metrics();
      res.setHeader('content-type', deps.metrics.registry.contentType);
      res.sendRaw(200, body);
    });
  };
}
