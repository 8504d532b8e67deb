/** One activity as Direct Line returns it (the fields the tests read). */
export interface DirectLineActivity {
  id?: string;
  type: string;
  name?: string;
  text?: string;
  value?: unknown;
  from: { id: string; role?: string };
  suggestedActions?: { actions: Array<{ title: string; value: unknown }> };
}

/** A buyer talking to the product over its Direct Line API, the way the Web Chat widget does. */
export interface DirectLineBuyer {
  conversationId: string;
  /** What the bot sent when the conversation started (the welcome). */
  greeting: DirectLineActivity[];
  /**
   * Sends a message and resolves with the bot's replies to it once they stop arriving. With `silent`, a
   * bot that keeps quiet (a person owns the conversation) is the expected outcome, checked for `silent` ms.
   */
  say(text: string, options?: { silent?: number }): Promise<DirectLineActivity[]>;
  /** Every activity of the conversation so far. */
  all(): Promise<DirectLineActivity[]>;
}

async function call(url: string, method: string, token: string | undefined, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Starts a Direct Line conversation with the shop's bot, as a buyer on a browser with `deviceId`. */
export async function startBuyerConversation(base: string, shop: string, options: { deviceId?: string; locale?: string } = {}): Promise<DirectLineBuyer> {
  const api = `${base}/v3/directline`;
  const generated = await call(`${api}/tokens/generate`, 'POST', undefined, { shop, deviceId: options.deviceId ?? 'e2e-device-0001', locale: options.locale ?? 'en-SG' });
  const started = await call(`${api}/conversations`, 'POST', generated.token as string, {});
  const token = started.token as string;
  const conversationId = started.conversationId as string;
  const list = async (watermark: number) => {
    const page = await call(`${api}/conversations/${conversationId}/activities?watermark=${watermark}`, 'GET', token);
    return { activities: page.activities as DirectLineActivity[], watermark: Number(page.watermark ?? watermark) };
  };
  let seen = 0;
  let sent = 0;
  const greeting: DirectLineActivity[] = [];
  for (const deadline = Date.now() + 20_000; greeting.length === 0 && Date.now() < deadline; ) {
    const page = await list(seen);
    seen = page.watermark;
    greeting.push(...page.activities.filter((a) => a.from.role === 'bot'));
    if (greeting.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    conversationId,
    greeting,
    async say(text, sayOptions = {}) {
      sent += 1;
      const posted = await call(`${api}/conversations/${conversationId}/activities`, 'POST', token, {
        type: 'message',
        text,
        locale: options.locale ?? 'en-SG',
        from: { id: 'buyer' },
        channelData: { clientActivityID: `e2e-${sent}` },
      });
      const replies: DirectLineActivity[] = [];
      // Replies come from the turn in flight: keep reading until a short quiet spell after the first bot message.
      const deadline = Date.now() + (sayOptions.silent ?? 20_000);
      let quietSince = Date.now();
      while (Date.now() < deadline) {
        const page = await list(seen);
        seen = page.watermark;
        const fresh = page.activities.filter((a) => a.from.role === 'bot');
        if (fresh.length > 0) {
          replies.push(...fresh);
          quietSince = Date.now();
        }
        if (replies.some((a) => a.type === 'message') && Date.now() - quietSince > 400) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!sayOptions.silent && !replies.some((a) => a.type === 'message')) throw new Error(`No bot reply to message ${String(posted.id)}`);
      return replies;
    },
    async all() {
      return (await list(0)).activities;
    },
  };
}
