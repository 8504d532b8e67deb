/** The shop fields the storefront device endpoint reads. */
export interface StorefrontShop {
  id: string;
  domain: string;
  settings: Record<string, unknown> | null;
}

const HOST = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/**
 * The origins a shop's storefront is served from: its myshopify domain, and its primary (custom) domain
 * when the shop's settings name one (`primaryDomain`, e.g. `www.example.com`).
 */
export function storefrontOrigins(shop: StorefrontShop): string[] {
  const primary = shop.settings?.primaryDomain;
  const hosts = [shop.domain, typeof primary === 'string' ? primary.trim().toLowerCase() : undefined];
  return [...new Set(hosts.filter((host): host is string => host !== undefined && HOST.test(host)).map((host) => `https://${host}`))];
}
