const shopPattern = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** True when Shopify opened the page inside its admin (it adds `host`, and `embedded=1`). */
export function isEmbeddedRequest(query: URLSearchParams): boolean {
  return query.get('embedded') === '1' || Boolean(query.get('host'));
}

/** The `shop` query parameter when it is a well-formed myshopify domain. */
export function shopFromQuery(query: URLSearchParams): string | undefined {
  const shop = query.get('shop')?.toLowerCase();
  return shop && shopPattern.test(shop) ? shop : undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** App Bridge as Shopify requires it: the API key meta tag, then its script, first in `<head>`. */
export function embeddedHead(apiKey: string): string {
  return `<meta name="shopify-api-key" content="${escapeAttribute(apiKey)}" />\n    <script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`;
}
