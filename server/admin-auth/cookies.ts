import type { Request } from 'restify';

/** The session cookie's name: the `__Host-` prefix pins it to this origin whenever it is Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-storedesk_admin' : 'storedesk_admin';
}

/** Reads one cookie from the request, or `undefined`. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/** A `Set-Cookie` value for the session: httpOnly, SameSite=Strict, Path=/, Secure over https. */
export function sessionCookie(options: { value: string; secure: boolean; maxAgeSeconds: number }): string {
  const attributes = [
    `${sessionCookieName(options.secure)}=${encodeURIComponent(options.value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
