import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, Checkbox, InlineStack, Text, TextField } from '@shopify/polaris';
import { ChatIcon } from '@shopify/polaris-icons';
import { useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { DecisionQueuePage } from '../components/decision-queue';
import type { AdminPage } from '../shell/admin-page';
import type { AppealView } from '../../../risk/appeals/appeal-view-types';
import { useShopClock } from '../components/shop-clock';

type Appeal = AppealView;

const hours = (ms: number) => (ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

function AppealCard({ appeal, onDone }: { appeal: Appeal; onDone: (text: string) => void }) {
  const clock = useShopClock();
  const [message, setMessage] = useState('');
  const [lift, setLift] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function decide(outcome: 'lift' | 'keep' | 'narrow') {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/admin/risk/appeals/${appeal.id}/decide`, { method: 'POST', body: { outcome, message, ...(outcome === 'narrow' ? { liftEntryIds: lift } : {}) } });
      onDone(`Appeal ${appeal.reference} decided`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The decision was not saved. Please retry.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h3" variant="headingMd">Appeal {appeal.reference}</Text>
          <InlineStack gap="200"><Badge>{appeal.channel === 'chat' ? 'Chat' : 'Web form'}</Badge><Text as="span" tone="subdued">filed {clock.dateTime(appeal.createdAt)}</Text></InlineStack>
        </InlineStack>
        <Text as="p" variant="bodyLg">“{appeal.statement}”</Text>
        {appeal.contact && <Text as="p" tone="subdued">Contact: {appeal.contact}</Text>}
        <BlockStack gap="100">
          <Text as="h4" variant="headingSm">Blocklist entries involved</Text>
          {appeal.entries.length === 0 ? <Text as="p" tone="subdued">None active (the refusal came from the score alone).</Text> : appeal.entries.map((e) => (
            <Checkbox key={e.id} label={`${e.kind}: ${e.reason} (${e.scope === 'global' ? 'all shops' : 'this shop'})`} checked={lift.includes(e.id)} onChange={(on) => setLift(on ? [...lift, e.id] : lift.filter((id) => id !== e.id))} helpText={appeal.status === 'open' ? 'Tick to lift only this entry (narrow).' : undefined} />
          ))}
        </BlockStack>
        {appeal.verdict && (
          <BlockStack gap="100">
            <Text as="h4" variant="headingSm">Verdict on {appeal.verdict.subjectType} {appeal.verdict.subjectId}: {appeal.verdict.decision}, score {Math.round(appeal.verdict.score * 100)}</Text>
            <ul style={{ margin: 0, paddingLeft: 20 }}>{appeal.verdict.reasons.map((r) => <li key={r.code}>{r.description}</li>)}</ul>
          </BlockStack>
        )}
        <TextField label="Message to the buyer" value={message} onChange={setMessage} multiline={3} autoComplete="off" helpText="Sent on the channel they used (chat) or shown on their status page (web)." />
        {error && <Banner tone="critical">{error}</Banner>}
        <ButtonGroup>
          <Button variant="primary" loading={busy} onClick={() => decide('lift')}>Lift</Button>
          <Button loading={busy} disabled={lift.length === 0} onClick={() => decide('narrow')}>Narrow (lift ticked)</Button>
          <Button tone="critical" loading={busy} onClick={() => decide('keep')}>Keep</Button>
        </ButtonGroup>
      </BlockStack>
    </Card>
  );
}

function AppealsPage() {
  return (
    <DecisionQueuePage<Appeal, { appeals: Appeal[] }>
      title="Appeals"
      subtitle="Counter-statements from refused buyers; none is rejected without a person"
      tabs={['Waiting', 'Decided']}
      path={(status) => `/api/admin/risk/appeals?status=${status}`}
      items={(response) => response.appeals}
      keyOf={(a) => a.id}
      loadError="Appeals could not be loaded"
      empty={(status) => ({ heading: status === 'open' ? 'No appeals waiting' : 'No decided appeals', body: 'Appeals filed in chat or on the web form appear here.' })}
      renderOpen={(a, onDone) => <AppealCard appeal={a} onDone={onDone} />}
      renderDecided={(a) => <Card><Text as="p">Appeal {a.reference}: {a.outcome} by {a.decidedBy} after {hours(a.timeToDecisionMs ?? 0)}. “{a.message}”</Text></Card>}
    />
  );
}

export const page: AdminPage = { path: '/appeals', label: 'Appeals', icon: ChatIcon, order: 320, Component: AppealsPage };
