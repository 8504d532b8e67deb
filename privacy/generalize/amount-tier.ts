/**
 * Default tier edges per ISO currency, in major units. They follow typical small-shop basket
 * sizes: SGD 20/50/100/200/500, roughly the same purchasing power elsewhere. Currencies not listed
 * use `DEFAULT_TIER_EDGES`. Shops can pass their own edges.
 */
export const TIER_EDGES: Readonly<Record<string, readonly number[]>> = {
  SGD: [20, 50, 100, 200, 500],
  USD: [15, 40, 75, 150, 400],
  EUR: [15, 35, 70, 140, 350],
  GBP: [12, 30, 60, 120, 300],
  AUD: [25, 60, 120, 240, 600],
  MYR: [50, 150, 300, 600, 1500],
  IDR: [150_000, 400_000, 800_000, 1_600_000, 4_000_000],
  JPY: [2_000, 5_000, 10_000, 20_000, 50_000],
};

/** Edges used for a currency with no entry in `TIER_EDGES` and none given. */
export const DEFAULT_TIER_EDGES: readonly number[] = [20, 50, 100, 200, 500];

/** Options for {@link amountTier}. */
export interface AmountTierOptions {
  /** Edges per currency, ascending, overriding the defaults. */
  edges?: Record<string, readonly number[]>;
}

/**
 * The tier of an amount, such as "SGD 50-100", "SGD <20" or "SGD 500+". Tiers are half-open:
 * 50 falls in 50-100. A missing or negative amount gives "unknown".
 */
export function amountTier(
  amount: number | null | undefined,
  currency: string,
  options: AmountTierOptions = {},
): string {
  const code = currency.trim().toUpperCase();
  if (amount === null || amount === undefined || !Number.isFinite(amount) || amount < 0) return 'unknown';
  const edges = [...(options.edges?.[code] ?? TIER_EDGES[code] ?? DEFAULT_TIER_EDGES)].sort((a, b) => a - b);
  const first = edges[0];
  if (first === undefined) return `${code} any`;
  if (amount < first) return `${code} <${first}`;
  for (let i = 1; i < edges.length; i++) if (amount < edges[i]!) return `${code} ${edges[i - 1]}-${edges[i]}`;
  return `${code} ${edges[edges.length - 1]}+`;
}
