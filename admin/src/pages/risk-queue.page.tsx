import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, Checkbox, InlineStack, Text } from '@shopify/polaris';
import { ShieldCheckMarkIcon } from '@shopify/polaris-icons';
import { useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { DecisionQueuePage } from '../components/decision-queue';
import type { AdminPage } from '../shell/admin-page';
import { useShopClock } from '../components/shop-clock';

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
  const clock = useShopClock();
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
          {[item.evidence.total && `${item.evidence.total} ${item.evidence.currency ?? ''}`, item.evidence.discountCodes?.length ? `codes ${item.evidence.discountCodes.join(', ')}` : null, item.evidence.placedAt && `placed ${clock.dateTime(item.evidence.placedAt)}`, item.evidence.customerSince && `customer since ${clock.date(item.evidence.customerSince)}`].filter(Boolean).join(' · ')}
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

const OUTCOMES: Record<string, string> = { 'review-cleared': 'cleared', 'review-confirmed-fraud': 'confirmed fraud' };

function RiskQueuePage() {
  return (
    <DecisionQueuePage<QueueItem, { items: QueueItem[] }>
      title="Risk queue"
      subtitle="Orders and sign-ups to look at, riskiest first"
      tabs={['To review', 'Decided']}
      path={(status) => `/api/admin/risk/queue?status=${status}`}
      items={(response) => response.items}
      keyOf={(item) => item.id}
      loadError="The risk queue could not be loaded"
      empty={(status) => (status === 'open'
        ? { heading: 'Nothing to review', body: 'New orders and sign-ups that need a person will appear here.' }
        : { heading: 'No decisions yet', body: 'Reviewed orders appear here.' })}
      renderOpen={(item, onDone) => <QueueCard item={item} onDone={onDone} />}
      renderDecided={(item) => (
        <Card><Text as="p">{item.subjectType === 'order' ? `Order ${item.evidence.orderName ?? item.subjectId}` : `Account ${item.subjectId}`}: {OUTCOMES[item.outcome ?? ''] ?? item.outcome} by {item.reviewedBy}</Text></Card>
      )}
    />
  );
}

export const page: AdminPage = { path: '/risk', label: 'Risk queue', icon: ShieldCheckMarkIcon, order: 300, Component: RiskQueuePage };
