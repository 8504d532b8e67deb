import type { AdminGraphqlClient } from '../admin-client';

const CREATE = `mutation ActivatePixel($webPixel: WebPixelInput!) {
  webPixelCreate(webPixel: $webPixel) { webPixel { id settings } userErrors { field message code } }
}`;
const FIND = '{ webPixel { id } }';
const UPDATE = `mutation UpdatePixel($id: ID!, $webPixel: WebPixelInput!) {
  webPixelUpdate(id: $id, webPixel: $webPixel) { webPixel { id settings } userErrors { field message code } }
}`;

type WebPixelUserError = { field: string[] | null; message: string; code: string | null };
type Payload = { webPixel: { id: string; settings: string } | null; userErrors: WebPixelUserError[] };

/** What activating the storedesk-pixel extension on a shop came to. */
export type WebPixelActivation = { activated: true; id: string; created: boolean } | { activated: false; errors: WebPixelUserError[] };

/**
 * Activates the storedesk-pixel Web Pixel on a shop with our app URL as its setting. Shopify keeps one pixel
 * per app and shop, so a reinstall (create answers TAKEN) updates the existing pixel's settings instead.
 */
export async function activateWebPixel(client: AdminGraphqlClient, appUrl: string): Promise<WebPixelActivation> {
  const webPixel = { settings: JSON.stringify({ appUrl }) };
  const { webPixelCreate: created } = await client.request<{ webPixelCreate: Payload }>(CREATE, { webPixel });
  if (created.webPixel) return { activated: true, id: created.webPixel.id, created: true };
  if (!created.userErrors.some((error) => error.code === 'TAKEN')) return { activated: false, errors: created.userErrors };

  const { webPixel: existing } = await client.request<{ webPixel: { id: string } | null }>(FIND);
  if (!existing) return { activated: false, errors: created.userErrors };
  const { webPixelUpdate: updated } = await client.request<{ webPixelUpdate: Payload }>(UPDATE, { id: existing.id, webPixel });
  return updated.webPixel ? { activated: true, id: updated.webPixel.id, created: false } : { activated: false, errors: updated.userErrors };
}
