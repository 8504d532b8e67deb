/** Numeric id ranges, chosen to look like Shopify's 13-digit ids and never collide across types. */
export const ID_BASE = {
  shop: 60_000_000_000,
  product: 8_100_000_000_000,
  variant: 4_400_000_000_000,
  customer: 7_200_000_000_000,
  address: 9_300_000_000_000,
  order: 5_600_000_000_000,
  lineItem: 14_000_000_000_000,
  fulfillment: 4_900_000_000_000,
} as const;

/** `gid://shopify/{type}/{id}` */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric part of a GID, or NaN when it is not one. */
export function legacyId(globalId: string): number {
  const m = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)$/.exec(globalId);
  return m ? Number(m[1]) : Number.NaN;
}
