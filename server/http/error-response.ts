import { isAppError } from '../../core/errors';

/** The JSON every error response carries. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** True when an error says the database (or another dependency) is unreachable, not that we are wrong. */
export function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && connectionErrorCodes.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

/** Maps any thrown value to a status and a body that leaks no internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return { status: error.status, body };
  }
  if (isUnavailable(error)) {
    return { status: 503, body: { code: 'unavailable', message: 'The service is temporarily unavailable. Please retry shortly.' } };
  }
  const restifyError = error as { statusCode?: unknown; body?: { code?: unknown; message?: unknown }; message?: string };
  if (typeof restifyError.statusCode === 'number' && restifyError.statusCode < 500) {
    const code = typeof restifyError.body?.code === 'string' ? restifyError.body.code : 'bad_request';
    return {
      status: restifyError.statusCode,
      body: { code: toSnakeCase(code), message: String(restifyError.body?.message ?? restifyError.message ?? 'Bad request') },
    };
  }
  return { status: 500, body: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } };
}

function toSnakeCase(code: string): string {
  return code.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
