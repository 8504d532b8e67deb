import pino, { type Logger, type DestinationStream } from 'pino';

/**
 * Field paths that may carry personal data or secrets. Pino replaces their values with "[redacted]".
 * Keep this list generous: a log line is never the place for a buyer's details.
 */
export const redactedLogPaths = [
  'email',
  'phone',

  'text',
  'address',
  'ip',
  'password',
  'token',
  'accessToken',
  'authorization',
  '*.email',
  '*.phone',
  '*.name',
  '*.text',
  '*.address',
  '*.ip',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-shopify-access-token"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-shopify-hmac-sha256"]',
  'req.remoteAddress',
  'req.body',
  'res.headers["set-cookie"]',
];

/** Options for {@link createLogger}. */
export interface CreateLoggerOptions {
  level: string;
  name?: string;
  /** Where lines go; defaults to stdout. Tests pass a memory stream. */
  destination?: DestinationStream;
}

/** A structured JSON logger with personal-data redaction on. */
export function createLogger(options: CreateLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      name: options.name ?? 'storedesk',
      redact: { paths: redactedLogPaths, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    options.destination,
  );
}

export type { Logger };
