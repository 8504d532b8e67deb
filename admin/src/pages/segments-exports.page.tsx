import { Badge, Banner, Card, DataTable, EmptyState, Page, SkeletonBodyText } from '@shopify/polaris';
import { ExportIcon } from '@shopify/polaris-icons';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';
import { useShopClock } from '../components/shop-clock';

interface ExportRow { id: string; segmentName: string; query: string; shopifyTag: string; status: string; size: number | null; tagged: number; shopifySegmentId: string | null; requestedBy: string; error: string | null; requestedAt: string; finishedAt: string | null }

const tone = (status: string) => (status === 'done' ? 'success' : status === 'failed' || status === 'refused' ? 'critical' : 'info');

function ExportsPage(_props: PageProps) {
  const clock = useShopClock();
  const { data, error, loading, reload } = useApiData<{ exports: ExportRow[] }>('/api/admin/audience/exports');
  return (
    <Page title="Export history" subtitle="Segments written to Shopify as storedesk: customer tags; every export is audited.">
      <Card>
        {loading ? <SkeletonBodyText lines={4} /> : error ? (
          <Banner tone="critical" title="The export history could not be loaded" action={{ content: 'Retry', onAction: () => void reload() }}><p>{error.message}</p></Banner>
        ) : !data?.exports.length ? (
          <EmptyState heading="No exports yet" image="">Export a saved segment from the Segments page.</EmptyState>
        ) : (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'numeric', 'text', 'text']}
            headings={['Requested', 'Segment', 'Shopify tag', 'Customers tagged', 'Status', 'Shopify segment']}
            rows={data.exports.map((e) => [clock.dateTime(e.requestedAt), e.segmentName, e.shopifyTag, e.tagged, <Badge key={e.id} tone={tone(e.status)}>{e.status}</Badge>, e.shopifySegmentId ?? '—'])}
          />
        )}
      </Card>
    </Page>
  );
}

export const page: AdminPage = { path: '/segments/exports', label: 'Export history', icon: ExportIcon, order: 320, Component: ExportsPage };
