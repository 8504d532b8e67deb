import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Request bodies are whatever a client sent; the checks below read them loosely, as Graph does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** One request the fake Graph API received. */
export interface GraphCall {
  path: string;
  pageToken: string;
  body: Json;
}

/** A local stand-in for the Graph API's Send API and handover protocol. */
export interface FakeGraphApi {
  /** e.g. `http://127.0.0.1:1234/v21.0`, for `graphBaseUrl`. */
  baseUrl: string;
  calls: GraphCall[];
  close(): Promise<void>;
}

const VERSION = 'v21.0';

function refuse(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'OAuthException', code } }));
}

/** Checks a Send API body the way Graph does for the parts we use. */
function sendApiProblem(body: Json): string | undefined {
  if (!body.recipient?.id) return '(#100) recipient.id is required';
  if (body.sender_action) return undefined;
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(body.messaging_type)) return '(#100) messaging_type is required';
  if (body.messaging_type === 'MESSAGE_TAG' && !body.tag) return '(#100) tag is required for MESSAGE_TAG';
  const message = body.message ?? {};
  if (!message.text && !message.attachment) return '(#100) message needs text or an attachment';
  if (typeof message.text === 'string' && message.text.length > 2000) return '(#100) text must be at most 2000 characters';
  const quick = message.quick_replies;
  if (quick !== undefined) {
    if (!Array.isArray(quick) || quick.length > 13) return '(#100) quick_replies: at most 13';
    for (const reply of quick) if (typeof reply.title !== 'string' || Array.from(reply.title).length > 20) return '(#100) quick reply title: at most 20 characters';
  }
  return undefined;
}

/** Starts the fake on 127.0.0.1, port 0, accepting the given page access tokens. */
export async function startFakeGraphApi(options: { pageTokens: string[] }): Promise<FakeGraphApi> {
  const calls: GraphCall[] = [];
  let nextId = 1;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Json;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return refuse(res, 400, 100, 'Malformed JSON');
    }
    const pageToken = url.searchParams.get('access_token') ?? '';
    const path = url.pathname.replace(`/${VERSION}`, '');
    calls.push({ path, pageToken, body });
    if (req.method !== 'POST' || !url.pathname.startsWith(`/${VERSION}/`)) return refuse(res, 404, 803, 'Unknown path');
    if (!options.pageTokens.includes(pageToken)) return refuse(res, 401, 190, 'Invalid OAuth access token');
    res.setHeader('content-type', 'application/json');
    if (path === '/me/messages') {
      const problem = sendApiProblem(body);
      if (problem) return refuse(res, 400, 100, problem);
      res.end(JSON.stringify({ recipient_id: body.recipient.id, message_id: `m_${nextId++}` }));
    } else if (path === '/me/pass_thread_control') {
      if (!body.recipient?.id || !body.target_app_id) return refuse(res, 400, 100, 'recipient and target_app_id are required');
      res.end(JSON.stringify({ success: true }));
    } else if (path === '/me/take_thread_control') {
      if (!body.recipient?.id) return refuse(res, 400, 100, 'recipient is required');
      res.end(JSON.stringify({ success: true }));
    } else {
      refuse(res, 404, 803, 'Unknown path');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${VERSION}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
