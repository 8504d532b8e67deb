/** A problem with one field, as the server lists them in a 400. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answer from `/api/admin/*`, with the server's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The per-field problems of a validation error, if any. */
  get problems(): FieldProblem[] {
    return Array.isArray(this.details.problems) ? (this.details.problems as FieldProblem[]) : [];
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the standalone session; sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Calls the storedesk server. Embedded, App Bridge adds the session token to same-origin fetches on its
 * own; standalone, the session cookie rides along and the CSRF token goes in a header.
 */
export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'network', 'The storedesk server could not be reached. Check that it is running, then retry.');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const body = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? `The server answered ${response.status}.`, body.details);
  }
  return data as T;
}
