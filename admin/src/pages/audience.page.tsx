import { Banner, BlockStack, Card, InlineGrid, Layout, Page, SkeletonBodyText, Text } from '@shopify/polaris';
import { PersonIcon } from '@shopify/polaris-icons';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';
import { useShopClock } from '../components/shop-clock';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A k-gated distribution as the server sends it: no bucket under k. */
export interface Distribution {
  buckets: Array<{ value: string; count: number }>;
  mergedValues: number;
  hiddenRemainder: boolean;
}

interface Catalogue {
  k: number;
  definitions: Array<{ kind: string; label: string; definition: string; window: string }>;
  profiles: number | null;
  lastRefresh: { at: string; profiles: number; durationMs: number | null } | null;
  distributions: Record<string, Distribution> | null;
}

/**
 * A horizontal bar chart of one distribution. It draws only what the server sent; as a second guard it
 * drops any bucket under k, so no chart ever shows one.
 */
export function DistributionChart({ kind, distribution, k }: { kind: string; distribution: Distribution; k: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const buckets = distribution.buckets.filter((b) => b.count >= k).slice(0, 12);
  useEffect(() => {
    if (!canvas.current || buckets.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: buckets.map((b) => b.value), datasets: [{ label: 'Customers', data: buckets.map((b) => b.count), backgroundColor: '#008060', borderRadius: 2, maxBarThickness: 16 }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [distribution, k]);
  const note = distribution.hiddenRemainder
    ? `Some values are hidden: together they have fewer than ${k} customers, or showing them would single out fewer than ${k}.`
    : distribution.mergedValues > 0
      ? `${distribution.mergedValues} values are pooled in "other": each has fewer than ${k} customers, or showing it would single out fewer than ${k}.`
      : '';
  return (
    <BlockStack gap="100">
      {buckets.length === 0 ? (
        <Text as="p" tone="subdued">No value has {k} or more customers.</Text>
      ) : (
        <div style={{ height: `${40 + buckets.length * 22}px` }}>
          <canvas ref={canvas} role="img" aria-label={`${kind}: ${buckets.map((b) => `${b.value} ${b.count}`).join(', ')}`} data-testid={`chart-${kind}`} data-buckets={JSON.stringify(buckets)} />
        </div>
      )}
      {note && <Text as="p" variant="bodySm" tone="subdued">{note}</Text>}
    </BlockStack>
  );
}

function AudiencePage(_props: PageProps) {
  const clock = useShopClock();
  const { data, error, loading, reload } = useApiData<Catalogue>('/api/admin/audience/catalogue');
  if (loading) return <Page title="Audience tags"><Card><SkeletonBodyText lines={6} /></Card></Page>;
  if (error || !data) return <Page title="Audience tags"><Banner tone="critical" title="The tag catalogue could not be loaded" action={{ content: 'Retry', onAction: () => void reload() }}><p>{error?.message}</p></Banner></Page>;
  return (
    <Page title="Audience tags" subtitle={`Anonymised tags per customer; no group under ${data.k} customers is ever shown.`}>
      <Layout>
        <Layout.Section>
          <Card>
            <Text as="p">
              <span data-testid="catalogue-summary">
                {data.profiles === null ? `Fewer than ${data.k} tagged customers so far.` : `${data.profiles} tagged customers.`}{' '}
                {data.lastRefresh ? `Last refreshed ${clock.dateTime(data.lastRefresh.at)}.` : 'Not refreshed yet.'}
              </span>
            </Text>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            {data.definitions.map((definition) => (
              <Card key={definition.kind}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{definition.label} <Text as="span" tone="subdued">({definition.kind}:…)</Text></Text>
                  <Text as="p">{definition.definition}</Text>
                  <Text as="p" variant="bodySm" tone="subdued">Window: {definition.window}</Text>
                  {data.distributions && <DistributionChart kind={definition.kind} distribution={data.distributions[definition.kind]!} k={data.k} />}
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const page: AdminPage = { path: '/audience', label: 'Audience tags', icon: PersonIcon, order: 300, Component: AudiencePage };
