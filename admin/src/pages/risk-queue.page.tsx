import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, EmptyState, InlineStack, Layout, Page, SkeletonBodyText, Tabs, Text, Toast } from '@shopify/polaris';
import { ShieldCheckMarkIcon } from '@shopify/polaris-icons';
import { useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { useApiData } from '../components/use-api-data';
import type { AdminPage } from '../shell/admin-page';

interface QueueItem {
  id: string;
  subjectType: 'order' | 'account';
  subjectId: string;
  score: number;
  decision: 'allow' | 'review' | 'deny';
  reasons: Array<{ code: string; description: string; contribution: number }>;
  identifiers: Record<string, string>;
  outcome: string | null;
  reviewedBy: string | null;
  createdAt: string;
  evidence: { orderName?: string; total?: string; currency?: string; discountCodes?: string[]; placedAt?: string; customerSince?: string };
}

const BLOCKABLE = ['device', 'email', 'phone', 'ip', 'address', 'account'] as const;

function QueueCard({ item, onDone }: { item: QueueItem; onDone: (message: string) => void }) {
  const [block, setBlock] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const title = item.subjectType === 'order' ? `Order ${item.evidence.orderName ?? item.subjectId}` : `Account ${item.subjectId}`;
  async function decide(decision: 'fraud' | 'genuine') {
    setBusy(true);
    setError(undefined);
    try {
      const body = decision === 'fraud' && block.length > 0 ? { decision, block: { kinds: block } } : { decision };
      await api(`/api/admin/risk/verdicts/${item.id}/review`, { method: 'POST', body });
      onDone(decision === 'fraud' ? `${title} confirmed as fraud` : `${title} cleared`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The decision was not saved. Please retry.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingMd">{title}</Text>
          <InlineStack gap="200">
            <Badge tone={item.decision === 'deny' ? 'critical' : 'warning'}>{item.decision === 'deny' ? 'Deny' : 'Review'}</Badge>
            <Text as="span" variant="bodyMd" fontWeight="semibold">Score {Math.round(item.score * 100)}</Text>
          </InlineStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {[item.evidence.total && `${item.evidence.total} ${item.evidence.currency ?? ''}`, item.evidence.discountCodes?.length ? `codes ${item.evidence.discountCodes.join(', ')}` : null, item.evidence.placedAt && `placed ${new Date(item.evidence.placedAt).toLocaleString()}`, item.evidence.customerSince && `customer since ${new Date(item.evidence.customerSince).toLocaleDateString()}`].filter(Boolean).join(' · ')}
        </Text>
        <BlockStack gap="100">
          <Text as="h4" variant="headingSm">Reasons</Text>
          {item.reasons.length === 0 ? <Text as="p">No risk signals.</Text> : (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {item.reasons.map((r) => <li key={r.code}><Text as="span">{r.description}</Text> <Text as="span" tone="subdued">({r.contribution >= 0 ? '+' : ''}{r.contribution.toFixed(1)})</Text></li>)}
            </ul>
          )}
        </BlockStack>
        <InlineStack gap="300" wrap>
          <Text as="span" tone="subdued">If fraud, also block:</Text>
          {BLOCKABLE.filter((kind) => item.identifiers[kind]).map((kind) => (
            <Checkbox key={kind} label={kind} checked={block.includes(kind)} onChange={(on) => setBlock(on ? [...block, kind] : block.filter((k) => k !== kind))} />
          ))}
        </InlineStack>
        {error && <Banner tone="critical">{error}</Banner>}
        <ButtonGroup>
          <Button variant="primary" tone="critical" loading={busy} onClick={() => decide('fraud')}>Confirm fraud</Button>
          <Button loading={busy} onClick={() => decide('genuine')}>Clear as genuine</Button>
        </ButtonGroup>
      </BlockStack>
    </Card>
  );
}

function RiskQueuePage() {
  const [tab, setTab] = useState(0);
  const status = tab === 0 ? 'open' : 'decided';
  const { data, error, loading, reload } = useApiData<{ items: QueueItem[] }>(`/api/admin/risk/queue?status=${status}`);
  const [toast, setToast] = useState<string>();
  return (
    <Page title="Risk queue" subtitle="Orders and sign-ups to look at, riskiest first">
      <BlockStack gap="400">
        <Tabs tabs={[{ id: 'open', content: 'To review' }, { id: 'decided', content: 'Decided' }]} selected={tab} onSelect={setTab} />
        {loading ? <Card><SkeletonBodyText lines={6} /></Card> : error ? (
          <Banner tone="critical" title="The risk queue could not be loaded" action={{ content: 'Retry', onAction: reload }}>{error.message}</Banner>
        ) : data && data.items.length === 0 ? (
          <Card><EmptyState heading={status === 'open' ? 'Nothing to review' : 'No decisions yet'} image=""><p>{status === 'open' ? 'New orders and sign-ups that need a person will appear here.' : 'Reviewed orders appear here.'}</p></EmptyState></Card>
        ) : (
          <Layout><Layout.Section><BlockStack gap="400">
            {data?.items.map((item) => status === 'open' ? <QueueCard key={item.id} item={item} onDone={(m) => { setToast(m); void reload(); }} /> : (
              <Card key={item.id}><Box><Text as="p">{item.subjectType === 'order' ? `Order ${item.evidence.orderName ?? item.subjectId}` : `Account ${item.subjectId}`}: {item.outcome === 'review-cleared' ? 'cleared' : item.outcome === 'review-confirmed-fraud' ? 'confirmed fraud' : item.outcome} by {item.reviewedBy}</Text></Box></Card>
            ))}
          </BlockStack></Layout.Section></Layout>
        )}
      </BlockStack>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

export const page: AdminPage = { path: '/risk', label: 'Risk queue', icon: ShieldCheckMarkIcon, order: 300, Component: RiskQueuePage };
