import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isAppError } from '../../../core/errors';
import { activitiesSince, findConversation } from './conversation-store';
import type { DirectLineContext } from './direct-line-context';
import { addressOf } from './direct-line-limits';
import { authorize, bearerToken } from './request-guards';
import { parseWatermark } from './stream-url';
import { errorForLog } from '../../../core/logging';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([\w-]{1,64})\/stream$/;
const KEEPALIVE_MS = 30_000;

/** The WebSocket half of Direct Line: one socket per client, replaying from its watermark on connect. */
export interface DirectLineSockets {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every open stream (1001, going away), for shutdown. */
  closeAll(): void;
}

function refuse(socket: Duplex, status: number, reason: string, retryAfter?: number): void {
  const extra = retryAfter ? `Retry-After: ${retryAfter}\r\n` : '';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`);
}

/** Creates the stream handler; the caller routes `upgrade` events to it. */
export function createDirectLineSockets(ctx: DirectLineContext): DirectLineSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  const serve = (ws: WebSocket, shopId: string, conversationId: string, from: number) => {
    let sent = from;
    let pumping = false;
    let again = false;
    const pump = async () => {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        do {
          again = false;
          const rows = await activitiesSince(ctx.db, shopId, conversationId, sent);
          if (rows.length === 0 || ws.readyState !== ws.OPEN) break;
          sent = rows.at(-1)!.watermark;
          ws.send(JSON.stringify({ activities: rows.map((row) => row.activity), watermark: String(sent) }));
          if (rows.length >= 500) again = true;
        } while (again);
      } catch (error) {
        ctx.logger?.warn({ err: errorForLog(error), conversationId }, 'direct line stream failed');
        ws.close(1011, 'stream error');
      } finally {
        pumping = false;
      }
    };
    // Subscribe before replaying, so an activity written in between is not missed.
    const unsubscribe = ctx.notifier.subscribe(conversationId, () => void pump());
    const keepalive = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), KEEPALIVE_MS);
    keepalive.unref();
    ws.on('close', () => {
      unsubscribe();
      clearInterval(keepalive);
    });
    ws.on('error', () => ws.terminate());
    // Clients only ping with empty messages; anything they send is ignored.
    void pump();
  };

  const accept = async (req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, url: URL) => {
    try {
      const watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
      if (watermark === null) return refuse(socket, 400, 'Bad Request');
      const grant = await authorize(ctx.tokens, url.searchParams.get('t') ?? bearerToken(req), conversationId);
      await ctx.limiter.enforce([{ budget: 'perIp', subject: addressOf(ctx, req) }]);
      const conversation = await findConversation(ctx.db, grant.shopId, conversationId);
      if (!conversation) return refuse(socket, 404, 'Not Found');
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, grant.shopId, conversationId, watermark ?? 0));
    } catch (error) {
      if (isAppError(error)) {
        const retry = (error.details?.retryAfter as number | undefined) ?? undefined;
        return refuse(socket, error.status, error.code, retry);
      }
      ctx.logger?.error({ err: errorForLog(error) }, 'direct line upgrade failed');
      refuse(socket, 503, 'Service Unavailable');
    }
  };

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return false;
      void accept(req, socket, head, match[1]!, url);
      return true;
    },
    closeAll() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
