import { AppError } from '../../../core/errors';

/** A Send API / handover call that Graph refused. */
export class GraphError extends AppError {
  constructor(message: string, readonly graphStatus: number, readonly graphCode?: number) {
    super('messenger_send_failed', message, { status: 502, details: { graphStatus, graphCode } });
    this.name = 'GraphError';
  }
}

/** The Graph API calls Messenger needs, each with the page's access token. */
export interface GraphClient {
  sendMessage(pageToken: string, body: Record<string, unknown>): Promise<{ message_id?: string; recipient_id?: string }>;
  passThreadControl(pageToken: string, psid: string, targetAppId: string, metadata?: string): Promise<void>;
  takeThreadControl(pageToken: string, psid: string, metadata?: string): Promise<void>;
}

/** Options for {@link createGraphClient}. */
export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com/v21.0`; tests point it at the local fake. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A small Graph client on fetch; the page token goes in the query string, as Graph documents. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const post = async (path: string, pageToken: string, body: Record<string, unknown>) => {
    const url = `${base}${path}?access_token=${encodeURIComponent(pageToken)}`;
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const json = (await res.json().catch(() => ({}))) as { error?: { message?: string; code?: number }; message_id?: string; recipient_id?: string };
    if (!res.ok) throw new GraphError(`Graph refused ${path}: ${String(json.error?.message ?? res.statusText)}`, res.status, json.error?.code);
    return json;
  };
  return {
    sendMessage: (pageToken, body) => post('/me/messages', pageToken, body),
    async passThreadControl(pageToken, psid, targetAppId, metadata) {
      await post('/me/pass_thread_control', pageToken, { recipient: { id: psid }, target_app_id: targetAppId, metadata });
    },
    async takeThreadControl(pageToken, psid, metadata) {
      await post('/me/take_thread_control', pageToken, { recipient: { id: psid }, metadata });
    },
  };
}
