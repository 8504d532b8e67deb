/** Options for an {@link AppError}. */
export interface AppErrorOptions {
  /** HTTP status when the error reaches the edge; defaults to 500. */
  status?: number;
  cause?: unknown;
  /** Extra machine-readable detail, safe to show to the caller (never personal data). */
  details?: Record<string, unknown>;
}

/**
 * The one error family of storedesk. `code` is stable and documented; `message` is for people.
 * Errors become responses only at the edge (restify's error handler, the bot's onTurnError).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.details = options.details;
  }
}

/** Input that fails validation: 400. */
export class ValidationError extends AppError {
  constructor(message: string, options: Omit<AppErrorOptions, 'status'> = {}) {
    super('invalid_input', message, { ...options, status: 400 });
    this.name = 'ValidationError';
  }
}

/** Missing or wrong credentials: 401. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required', options: Omit<AppErrorOptions, 'status'> = {}) {
    super('unauthorized', message, { ...options, status: 401 });
    this.name = 'UnauthorizedError';
  }
}

/** Authenticated, but not allowed to touch this resource: 403. */
export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed', options: Omit<AppErrorOptions, 'status'> = {}) {
    super('forbidden', message, { ...options, status: 403 });
    this.name = 'ForbiddenError';
  }
}

/** 404. */
export class NotFoundError extends AppError {
  constructor(message = 'Not found', options: Omit<AppErrorOptions, 'status'> = {}) {
    super('not_found', message, { ...options, status: 404 });
    this.name = 'NotFoundError';
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends AppError {
  constructor(message: string, options: Omit<AppErrorOptions, 'status'> = {}) {
    super('conflict', message, { ...options, status: 409 });
    this.name = 'ConflictError';
  }
}

/** 429, with the seconds to wait. */
export class RateLimitedError extends AppError {
  readonly retryAfter: number;
  constructor(retryAfter: number, message = 'Too many requests') {
    super('rate_limited', message, { status: 429, details: { retryAfter } });
    this.name = 'RateLimitedError';
    this.retryAfter = retryAfter;
  }
}

/** 503: a dependency (usually the database) is not reachable right now. */
export class UnavailableError extends AppError {
  constructor(message = 'Service temporarily unavailable', options: Omit<AppErrorOptions, 'status'> = {}) {
    super('unavailable', message, { ...options, status: 503 });
    this.name = 'UnavailableError';
  }
}

/** Startup configuration is wrong; `problems` lists every issue at once. */
export class ConfigError extends AppError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('invalid_config', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Type guard for the family. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
