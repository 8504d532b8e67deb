import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import { NotFoundError } from '../../core/errors';
import type { Logger } from '../../core/logging';
import type { Metrics } from '../../core/metrics';
import { toErrorResponse } from './error-response';
import { readBody, type RouteModule } from '../../core/http';
import { errorForLog } from '../../core/logging';

/** Options for {@link createApp}. */
export interface CreateAppOptions {
  logger: Logger;
  metrics: Metrics;
  routes: RouteModule[];
  /** Largest accepted request body; 1 MiB unless set. */
  maxBodyBytes?: number;
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

/** Builds the restify server: request ids, body reading, metrics, JSON errors. It does not listen. */
export function createApp(options: CreateAppOptions): Server {
  const { logger, metrics } = options;
  const server = restify.createServer({
    name: 'storedesk',
    // restify 12 logs through pino; its type definitions still name bunyan.
    log: logger as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });

  server.pre((req: Request, res: Response, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    (req.id as unknown as (id: string) => string)(id);
    res.setHeader('x-request-id', id);
    (req as Request & { startedAt: bigint }).startedAt = process.hrtime.bigint();
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(readBody({ maxBytes: options.maxBodyBytes ?? 1024 * 1024 }));

  for (const register of options.routes) register(server);

  server.on('NotFound', (req: Request, res: Response, _error: unknown, callback: () => void) => {
    res.send(404, { code: 'not_found', message: `No route for ${req.method} ${req.path()}` });
    return callback();
  });
  server.on('restifyError', (req: Request, res: Response, error: unknown, callback: () => void) => {
    if ((res as Response & { _sent?: boolean })._sent || res.headersSent) return callback();
    const { status, body } = toErrorResponse(error);
    if (status >= 500) {
      req.log.error({ err: errorForLog(error, { frames: true }), reqId: req.id() }, 'request failed');
    }
    if (status === 429 && body.details && typeof body.details.retryAfter === 'number') {
      res.setHeader('retry-after', String(Math.ceil(body.details.retryAfter)));
    }
    res.send(status, body);
    return callback();
  });
  server.on('after', (req: Request, res: Response) => {
    const started = (req as Request & { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = req.getRoute()?.path?.toString() ?? 'unmatched';
    metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
  });
  return server;
}

/** For handlers that found nothing. */
export function notFound(what: string): NotFoundError {
  return new NotFoundError(`${what} not found`);
}
