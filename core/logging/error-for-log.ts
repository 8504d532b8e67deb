/** What a log line says of a failure: its kind, and (unless left out) a message with identifiers masked. */
export interface LoggedError {
  name: string;
  code?: string;
  message?: string;
  /** The stack's `at` lines, for finding the fault; they name code, never data. */
  frames?: string;
}

/** What to keep besides the name and code. */
export interface ErrorForLogOptions {
  /** The message, masked (default true). Leave it out where it may quote what a buyer wrote. */
  message?: boolean;
  /** Up to ten stack frames (default false). */
  frames?: boolean;
}

// Error messages are written by libraries and drivers, and some quote the values they failed on (a database
// error naming the email it could not insert, a URL with an address in it).
const MASKS: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<EMAIL>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '<IP>'],
  [/\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi, '<IP>'],
  [/\+?\d[\d ()-]{5,}\d/g, '<NUMBER>'],
];

const MAX_MESSAGE = 500;
const MAX_FRAMES = 10;

/** The error as a log field (`logger.warn({ err: errorForLog(error) }, ...)`), never with raw identifiers. */
export function errorForLog(error: unknown, options: ErrorForLogOptions = {}): LoggedError {
  const { name, code, message, stack } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  const logged: LoggedError = { name: typeof name === 'string' ? name : 'Error' };
  if (typeof code === 'string') logged.code = code;
  if (options.message !== false) {
    let text = typeof message === 'string' ? message.slice(0, MAX_MESSAGE) : String(error).slice(0, MAX_MESSAGE);
    for (const [pattern, mask] of MASKS) text = text.replace(pattern, mask);
    logged.message = text;
  }
  if (options.frames && typeof stack === 'string') {
    logged.frames = stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, MAX_FRAMES).join('\n');
  }
  return logged;
}
