import { Banner, BlockStack, Card, EmptyState, Page, ResourceItem, ResourceList, Text } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError, api } from '../api/admin-api';
import type { SessionInfo } from '../api/types';

/** Lets a standalone staff member pick which of the installation's shops to work on. */
export function ShopPicker({ session, onChosen }: { session: SessionInfo; onChosen: (session: SessionInfo) => void }) {
  const [error, setError] = useState<string | null>(null);

  async function choose(shopId: string) {
    setError(null);
    try {
      onChosen(await api<SessionInfo>('/api/admin/session/shop', { method: 'PUT', body: { shopId } }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not switch shop.');
    }
  }

  return (
    <Page title="Choose a shop" narrowWidth>
      <BlockStack gap="400">
        {error && <Banner tone="critical">{error}</Banner>}
        <Card padding="0">
          {session.shops.length === 0 ? (
            <EmptyState heading="No shop has installed storedesk yet" image="">
              <p>Install the app on a Shopify store, or start the demo with `npm start`, then reload this page.</p>
            </EmptyState>
          ) : (
            <ResourceList
              items={session.shops}
              renderItem={(shop) => (
                <ResourceItem id={shop.id} onClick={() => choose(shop.id)} accessibilityLabel={`Open ${shop.name || shop.domain}`}>
                  <Text as="h3" variant="bodyMd" fontWeight="bold">
                    {shop.name || shop.domain}
                  </Text>
                  <Text as="p" tone="subdued">
                    {shop.domain}
                  </Text>
                </ResourceItem>
              )}
            />
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
