/** What a log line says of a failure: its kind and a message with anything that looks like a buyer's identifier masked. */
export interface LoggedError {
  name: string;
  code?: string;
  message: string;
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

/** The error as a log field (`logger.warn({ err: errorForLog(error) }, ...)`), never with raw identifiers. */
export function errorForLog(error: unknown): LoggedError {
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  let text = typeof message === 'string' ? message.slice(0, MAX_MESSAGE) : String(error).slice(0, MAX_MESSAGE);
  for (const [pattern, mask] of MASKS) text = text.replace(pattern, mask);
  return { name: typeof name === 'string' ? name : 'Error', ...(typeof code === 'string' ? { code } : {}), message: text };
}
