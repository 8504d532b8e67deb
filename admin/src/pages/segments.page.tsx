import { Banner, BlockStack, Button, Card, Checkbox, DataTable, InlineGrid, InlineStack, Layout, Page, SkeletonBodyText, Text, TextField } from '@shopify/polaris';
import { PersonSegmentIcon } from '@shopify/polaris-icons';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/admin-api';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';
import { DistributionChart, type Distribution } from './audience.page';

type Size =
  | { belowK: false; k: number; size: number }
  | { belowK: true; k: number; size: null; reason: 'fewer-than-k' | 'close-to-other'; message: string; suggestions: Array<{ query: string; dropped: string; size: number }> };
interface Preview { query: string; size: Size; makeup: Record<string, Distribution> | null }
interface Segment { id: string; name: string; query: string; size: Size; lastRefresh: { size: number | null; at: string } | null; previousRefresh: { size: number | null; at: string } | null; change: number | null; changeHidden: boolean }

const CHART_KINDS = [['spend', 'Spend tiers'], ['country', 'Countries'], ['loyalty', 'Loyalty'], ['rfm', 'RFM groups'], ['discount', 'Discount sensitivity'], ['interest', 'Interests'], ['chat-topic', 'Chat topics'], ['age', 'Age ranges']] as const;

function usePreview(query: string): { preview?: Preview; error?: string; busy: boolean } {
  const [state, setState] = useState<{ preview?: Preview; error?: string; busy: boolean }>({ busy: false });
  useEffect(() => {
    if (!query.trim()) return setState({ busy: false });
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      api<Preview>('/api/admin/audience/segments/preview', { method: 'POST', body: { query } })
        .then((preview) => setState({ preview, busy: false }))
        .catch((error: Error) => setState({ error: error.message, busy: false }));
    }, 300);
    return () => clearTimeout(timer);
  }, [query]);
  return state;
}

function SizeView({ size, onUse }: { size: Size; onUse(query: string): void }) {
  if (!size.belowK) return <Text as="p" variant="headingLg"><span data-testid="segment-size">{size.size}</span> customers</Text>;
  return (
    <Banner tone="warning" title={size.reason === 'close-to-other' ? `Too close to a related group (fewer than ${size.k} customers apart)` : `Fewer than ${size.k} customers`}>
      <BlockStack gap="200">
        <p data-testid="segment-below-k">{size.message}</p>
        {size.suggestions.map((s) => (
          <InlineStack key={s.query} gap="200" blockAlign="center">
            <Button onClick={() => onUse(s.query)}>{`Use ${s.query}`}</Button>
            <Text as="span">{s.size} customers</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Banner>
  );
}

function SegmentsPage(_props: PageProps) {
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string>();
  const [shopifySegment, setShopifySegment] = useState(true);
  const { preview, error, busy } = usePreview(query);
  const saved = useApiData<{ segments: Segment[] }>('/api/admin/audience/segments');
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage(done);
      await saved.reload();
    } catch (caught) {
      setMessage(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <Page title="Segments" subtitle="Combine tags with AND, OR, NOT and parentheses, e.g. discount:high AND interest:running AND country:SG">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <TextField label="Tag query" value={query} onChange={setQuery} autoComplete="off" placeholder="discount:high AND interest:running AND country:SG" error={error} monospaced />
              {busy && <Text as="p" tone="subdued">Counting…</Text>}
              {preview && !error && <SizeView size={preview.size} onUse={setQuery} />}
              <InlineStack gap="200" blockAlign="end">
                <TextField label="Segment name" value={name} onChange={setName} autoComplete="off" />
                <Button variant="primary" disabled={!preview || preview.size.belowK || !name.trim()} onClick={() => void act(() => api('/api/admin/audience/segments', { method: 'POST', body: { name, query } }), `Saved "${name}"`)}>Save segment</Button>
              </InlineStack>
              {message && <Text as="p"><span data-testid="segments-message">{message}</span></Text>}
            </BlockStack>
          </Card>
        </Layout.Section>
        {preview?.makeup && (
          <Layout.Section>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              {CHART_KINDS.map(([kind, label]) => (
                <Card key={kind}><BlockStack gap="200"><Text as="h2" variant="headingMd">{label}</Text><DistributionChart kind={kind} distribution={preview.makeup![kind]!} k={preview.size.k} /></BlockStack></Card>
              ))}
            </InlineGrid>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Saved segments</Text>
              <Checkbox label="Also create a Shopify customer segment on export" checked={shopifySegment} onChange={setShopifySegment} />
              {saved.loading ? <SkeletonBodyText /> : saved.error ? <Banner tone="critical" title="Segments could not be loaded" action={{ content: 'Retry', onAction: () => void saved.reload() }}><p>{saved.error.message}</p></Banner> : (
                <DataTable
                  columnContentTypes={['text', 'text', 'text', 'text', 'text']}
                  headings={['Name', 'Query', 'Size', 'Since last refresh', '']}
                  rows={(saved.data?.segments ?? []).map((s) => [
                    s.name,
                    s.query,
                    s.size.belowK ? `fewer than ${s.size.k}` : String(s.size.size),
                    s.change !== null ? `${s.change >= 0 ? '+' : ''}${s.change} (was ${s.previousRefresh?.size})` : s.changeHidden ? `not shown (under ${s.size.k} or would reveal fewer than ${s.size.k})` : '—',
                    <Button key={s.id} disabled={s.size.belowK} onClick={() => void act(() => api(`/api/admin/audience/segments/${s.id}/export`, { method: 'POST', body: { createShopifySegment: shopifySegment } }), `Export of "${s.name}" queued`)}>Export to Shopify</Button>,
                  ])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const page: AdminPage = { path: '/segments', label: 'Segments', icon: PersonSegmentIcon, order: 310, Component: SegmentsPage };
