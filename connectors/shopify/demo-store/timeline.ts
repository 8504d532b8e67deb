/** How ids map to time: orders are spread evenly over the history, customers sign up through its first 85%. */
export interface Timeline {
  startMs: number;
  endMs: number;
  spanMs: number;
  orders: number;
  customers: number;
}

const SIGNUP_SHARE = 0.85;

export function makeTimeline(endDate: string, months: number, orders: number, customers: number): Timeline {
  const endMs = Date.parse(endDate);
  const start = new Date(endMs);
  start.setUTCMonth(start.getUTCMonth() - months);
  return { startMs: start.getTime(), endMs, spanMs: endMs - start.getTime(), orders, customers };
}

/** Creation time of order `i`; `u` in [0,1) jitters it inside its slot, so times never go backwards. */
export function orderTimeMs(t: Timeline, i: number, u: number): number {
  return t.startMs + Math.floor(((i + u) * t.spanMs) / Math.max(1, t.orders));
}

/** Sign-up time of customer `j`, jittered inside its slot by `u`. */
export function signupTimeMs(t: Timeline, j: number, u: number): number {
  return t.startMs + Math.floor(((j + u) / Math.max(1, t.customers)) * t.spanMs * SIGNUP_SHARE);
}

/** The highest customer index surely signed up by `ms` (-1 when none is). */
export function lastSignedUpBy(t: Timeline, ms: number): number {
  const j = Math.floor(((ms - t.startMs) / (t.spanMs * SIGNUP_SHARE)) * t.customers) - 1;
  return Math.min(t.customers - 1, j);
}

/** The first order index created surely after customer `j` signed up. */
export function firstOrderAfterSignup(t: Timeline, j: number): number {
  return Math.ceil(((j + 1) / Math.max(1, t.customers)) * SIGNUP_SHARE * t.orders) + 1;
}
