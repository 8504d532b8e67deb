import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a refusal was about: hashed identifiers (no personal data) and the verdict, if any. */
export interface AppealSubject {
  keys: string[];
  verdictId?: string;
}

const MAX_AGE_MS = 90 * 86_400_000;

/** A signed, URL-safe token naming the subject of a refusal, so the web form needs no login. */
export function signSubject(key: Buffer, subject: AppealSubject, now: Date): string {
  const body = Buffer.from(JSON.stringify({ k: subject.keys, v: subject.verdictId, t: now.getTime() })).toString('base64url');
  const mac = createHmac('sha256', key).update(body).digest('base64url').slice(0, 32);
  return `${body}.${mac}`;
}

/** The subject of a token, or undefined when it is forged, malformed or older than 90 days. */
export function verifySubject(key: Buffer, token: string, now: Date): AppealSubject | undefined {
  const [body, mac] = token.split('.');
  if (!body || !mac) return undefined;
  const expected = Buffer.from(createHmac('sha256', key).update(body).digest('base64url').slice(0, 32));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k?: unknown; v?: unknown; t?: unknown };
    if (!Array.isArray(parsed.k) || typeof parsed.t !== 'number' || now.getTime() - parsed.t > MAX_AGE_MS) return undefined;
    const keys = parsed.k.filter((k): k is string => typeof k === 'string' && /^[a-z-]+:[0-9a-f]{32}$/.test(k)).slice(0, 10);
    return { keys, verdictId: typeof parsed.v === 'string' ? parsed.v : undefined };
  } catch {
    return undefined;
  }
}
