/** An open handoff as the merchant inbox API lists it (the fields the tests read). */
export interface InboxHandoffView {
  id: string;
  status: string;
  reason: string;
  channelId: string;
  transcript: Array<{ sender: string; text: string }>;
}

/** A member of staff signed in to the standalone admin, calling its HTTP API as the admin page does. */
export interface StaffClient {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  openHandoffs(): Promise<InboxHandoffView[]>;
  reply(handoffId: string, text: string): Promise<void>;
  close(handoffId: string): Promise<void>;
}

/** Signs in with the admin password (same-origin, as the login form does) and keeps the cookie and CSRF token. */
export async function signInStaff(base: string, password: string): Promise<StaffClient> {
  const origin = new URL(base).origin;
  const login = await fetch(`${base}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ password }),
  });
  if (login.status !== 200) throw new Error(`Staff sign-in answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const request: StaffClient['request'] = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, origin, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const expectOk = (what: string, res: { status: number; body: unknown }) => {
    if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  return {
    request,
    async openHandoffs() {
      const res = await request('GET', '/admin/api/inbox/handoffs');
      expectOk('Listing handoffs', res);
      return res.body.handoffs as InboxHandoffView[];
    },
    async reply(handoffId, text) {
      expectOk('A staff reply', await request('POST', `/admin/api/inbox/handoffs/${handoffId}/replies`, { text }));
    },
    async close(handoffId) {
      expectOk('Closing the handoff', await request('POST', `/admin/api/inbox/handoffs/${handoffId}/close`, {}));
    },
  };
}
