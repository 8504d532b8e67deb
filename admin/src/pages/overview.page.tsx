import { Badge, Banner, BlockStack, Box, Card, EmptyState, InlineGrid, InlineStack, Layout, Page, ProgressBar, SkeletonBodyText, SkeletonDisplayText, Text } from '@shopify/polaris';
import { HomeIcon } from '@shopify/polaris-icons';
import { useEffect } from 'react';
import type { Overview, SyncRun } from '../api/types';
import { formatCount, formatDateTime, timeAgo } from '../components/format';
import { OrdersChart } from '../components/orders-chart';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';

function Metric({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          <span data-testid={testId}>{formatCount(value)}</span>
        </Text>
      </BlockStack>
    </Card>
  );
}

function syncBadge(run: SyncRun) {
  if (run.status === 'running') return <Badge tone="info">Running</Badge>;
  if (run.status === 'failed') return <Badge tone="critical">Failed</Badge>;
  if (run.status === 'completed') return <Badge tone="success">Completed</Badge>;
  return <Badge>{run.status}</Badge>;
}

/** A sync run's kind (`full:orders`, `incremental:customers`) in words. */
function syncKindLabel(kind: string): string {
  const [mode, resource = ''] = kind.split(':');
  const what = resource.charAt(0).toUpperCase() + resource.slice(1);
  return mode === 'full' ? `${what}: full copy` : mode === 'incremental' ? `${what}: changes since the last sync` : kind;
}

function SyncCard({ overview }: { overview: Overview }) {
  const run = overview.lastSync;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Last sync
        </Text>
        {!run ? (
          <Text as="p" tone="subdued">
            No sync has run yet.
          </Text>
        ) : (
          <BlockStack gap="200">
            <InlineStack gap="200" blockAlign="center">
              {syncBadge(run)}
              <Text as="span" variant="bodyMd">
                {syncKindLabel(run.kind)}
              </Text>
            </InlineStack>
            <Text as="p" tone="subdued">
              Started {timeAgo(run.startedAt)} ({formatDateTime(run.startedAt, overview.shop.timezone)})
              {run.finishedAt ? `, finished ${timeAgo(run.finishedAt)}` : ''}
            </Text>
            <Text as="p">{formatCount(run.objectsDone)} {run.status === 'running' ? 'records so far' : run.kind.split(':')[1] ?? 'records'}</Text>
            {run.error && (
              <Banner tone="critical" title="The sync stopped with an error">
                {run.error}
              </Banner>
            )}
          </BlockStack>
        )}
        {overview.runningSyncs.map((running) => (
          <BlockStack gap="100" key={`${running.kind}-${running.startedAt}`}>
            <Text as="p" variant="bodySm">
              {syncKindLabel(running.kind)}: {formatCount(running.objectsDone)}
              {running.objectsTotal ? ` of ${formatCount(running.objectsTotal)}` : ''}
            </Text>
            <ProgressBar progress={running.objectsTotal ? Math.min(100, (100 * running.objectsDone) / running.objectsTotal) : 10} size="small" animated />
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function WebhookCard({ webhooks }: { webhooks: Overview['webhooks'] }) {
  const healthy = webhooks.failing24h === 0;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Webhooks, last 24 hours
          </Text>
          {healthy ? <Badge tone="success">Healthy</Badge> : <Badge tone="critical">{`${webhooks.failing24h} failing`}</Badge>}
        </InlineStack>
        <InlineGrid columns={3} gap="200">
          {(
            [
              ['Received', webhooks.received24h, 'webhooks-received'],
              ['Processed', webhooks.processed24h, 'webhooks-processed'],
              ['Failing', webhooks.failing24h, 'webhooks-failing'],
            ] as const
          ).map(([label, value, testId]) => (
            <BlockStack gap="100" key={label}>
              <Text as="span" tone="subdued" variant="bodySm">
                {label}
              </Text>
              <Text as="span" variant="headingLg">
                <span data-testid={testId}>{formatCount(value)}</span>
              </Text>
            </BlockStack>
          ))}
        </InlineGrid>
        {webhooks.pending > 0 && (
          <Text as="p" tone="subdued" variant="bodySm">
            {formatCount(webhooks.pending)} waiting to be processed
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function OverviewPage({ shop }: PageProps) {
  const { data, error, loading, reload } = useApiData<Overview>('/api/admin/overview');
  const running = (data?.runningSyncs.length ?? 0) > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 3000);
    return () => clearInterval(timer);
  }, [running, reload]);

  if (loading) {
    return (
      <Page title="Overview">
        <Layout>
          <Layout.Section>
            <Card>
              <SkeletonDisplayText size="small" />
              <Box paddingBlockStart="300">
                <SkeletonBodyText lines={6} />
              </Box>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title="Overview">
        <Banner tone="critical" title="The overview could not be loaded" action={{ content: 'Retry', onAction: reload }}>
          {error?.message}
        </Banner>
      </Page>
    );
  }
  const nothingSynced = data.counts.orders === 0 && data.counts.customers === 0 && data.counts.products === 0 && !data.lastSync;
  const totalOrders90 = data.ordersPerDay.reduce((sum, d) => sum + d.orders, 0);
  return (
    <Page title="Overview" subtitle={`${data.shop.name} · ${data.shop.domain}`} secondaryActions={[{ content: 'Refresh', onAction: reload }]}>
      <BlockStack gap="400">
        {error && <Banner tone="warning">Showing older figures: {error.message}</Banner>}
        {nothingSynced ? (
          <Card>
            <EmptyState heading="Nothing synced yet" image="">
              <p>
                storedesk has not pulled orders, customers or products from {shop.domain} yet. Run <code>npx storedesk sync --shop {shop.domain}</code>, or wait for the scheduled
                sync; this page fills in as it runs.
              </p>
            </EmptyState>
          </Card>
        ) : (
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            <Metric label="Orders synced" value={data.counts.orders} testId="count-orders" />
            <Metric label="Customers" value={data.counts.customers} testId="count-customers" />
            <Metric label="Products" value={data.counts.products} testId="count-products" />
          </InlineGrid>
        )}
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <SyncCard overview={data} />
          <WebhookCard webhooks={data.webhooks} />
        </InlineGrid>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between">
              <Text as="h2" variant="headingMd">
                Orders per day, last 90 days
              </Text>
              <Text as="span" tone="subdued">
                {formatCount(totalOrders90)} orders · days on the shop clock ({data.shop.timezone})
              </Text>
            </InlineStack>
            <OrdersChart days={data.ordersPerDay} />
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}

/** The store overview: what is synced, sync state, webhook health, orders per day. */
export const page: AdminPage = { path: '/', label: 'Overview', icon: HomeIcon, order: 10, Component: OverviewPage };
