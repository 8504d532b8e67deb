/** `gid://shopify/Order/123` for an Admin API call. */
export function toGid(kind: 'Order' | 'Customer' | 'Product' | 'LineItem' | 'ProductVariant', id: number | string): string {
  return `gid://shopify/${kind}/${id}`;
}

/** The numeric id at the end of a GID, or the number itself. */
export function fromGid(gid: string | number | null | undefined): number | null {
  if (gid === null || gid === undefined) return null;
  if (typeof gid === 'number') return gid;
  const match = /(\d+)(?:\?.*)?$/.exec(gid);
  return match ? Number(match[1]) : null;
}

/** A myshopify domain in canonical form, or `undefined` when it isn't one. */
export function normalizeShopDomain(input: string): string | undefined {
  const domain = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain) ? domain : undefined;
}
