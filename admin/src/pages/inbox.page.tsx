import { Badge, Banner, BlockStack, Box, Button, Card, EmptyState, InlineStack, Page, SkeletonBodyText, Text, TextField, Toast } from '@shopify/polaris';
import { ChatReferralIcon } from '@shopify/polaris-icons';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { useApiData } from '../components/use-api-data';
import type { AdminPage } from '../shell/admin-page';
import { useShopClock } from '../components/shop-clock';

interface TranscriptEntry {
  sender: string;
  text: string;
  at: string;
}
interface Handoff {
  id: string;
  status: 'waiting' | 'connected';
  reason: string;
  language: string;
  channelId: string;
  assignedTo: string | null;
  createdAt: string;
  transcript: TranscriptEntry[];
}

const BASE = '/admin/api/inbox/handoffs';
const REFRESH_MS = 5_000;
const REASONS: Record<string, string> = { requested: 'Asked for a person', low_confidence: 'Bot was unsure', language: 'Language not covered' };
const CHANNELS: Record<string, string> = { directline: 'Web chat', webchat: 'Web chat', facebook: 'Messenger' };
const SENDERS: Record<string, string> = { buyer: 'Buyer', bot: 'Assistant', staff: 'Staff' };

function Transcript({ lines }: { lines: TranscriptEntry[] }) {
  const clock = useShopClock();
  if (lines.length === 0) return <Text as="p" tone="subdued">No messages yet.</Text>;
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="200">
        {lines.map((line, i) => (
          <BlockStack key={i} gap="050">
            <Text as="span" variant="bodySm" tone="subdued">{SENDERS[line.sender] ?? line.sender} · {clock.time(line.at)}</Text>
            <Text as="p" fontWeight={line.sender === 'buyer' ? 'semibold' : 'regular'}>{line.text}</Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Box>
  );
}

function HandoffCard({ handoff, onChanged }: { handoff: Handoff; onChanged: (message: string) => Promise<void> }) {
  const clock = useShopClock();
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState<'reply' | 'close'>();
  const [error, setError] = useState<string>();
  async function run(kind: 'reply' | 'close') {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'reply') {
        await api(`${BASE}/${handoff.id}/replies`, { method: 'POST', body: { text: reply } });
        setReply('');
        await onChanged('Reply sent');
      } else {
        await api(`${BASE}/${handoff.id}/close`, { method: 'POST', body: {} });
        await onChanged('Conversation handed back to the assistant');
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not go through. Please retry.');
    } finally {
      setBusy(undefined);
    }
  }
  const label = `${CHANNELS[handoff.channelId] ?? handoff.channelId} conversation from ${clock.dateTime(handoff.createdAt)}`;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">{label}</Text>
          <InlineStack gap="100">
            <Badge tone={handoff.status === 'waiting' ? 'attention' : 'success'}>{handoff.status === 'waiting' ? 'Waiting for staff' : 'Staff connected'}</Badge>
            <Badge>{REASONS[handoff.reason] ?? handoff.reason}</Badge>
            <Badge>{handoff.language}</Badge>
          </InlineStack>
        </InlineStack>
        <Transcript lines={handoff.transcript} />
        {error && <Banner tone="critical">{error}</Banner>}
        <TextField label="Your reply" value={reply} onChange={setReply} multiline={2} maxLength={4000} autoComplete="off" helpText="Sent to the buyer in the same chat. The assistant stays quiet until you close." />
        <InlineStack gap="200">
          <Button variant="primary" loading={busy === 'reply'} disabled={reply.trim().length === 0 || busy !== undefined} onClick={() => run('reply')}>Send reply</Button>
          <Button loading={busy === 'close'} disabled={busy !== undefined} onClick={() => run('close')}>Close and hand back to the assistant</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function InboxPage() {
  const { data, error, loading, reload } = useApiData<{ handoffs: Handoff[] }>(BASE);
  const [toast, setToast] = useState<string>();
  // Buyers write while staff read: refresh the open conversations in the background.
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const handoffs = data?.handoffs ?? [];
  return (
    <Page title="Inbox" subtitle="Buyers waiting for a person: read the chat, reply, and hand back to the assistant" secondaryActions={[{ content: 'Refresh', onAction: () => void reload() }]}>
      <BlockStack gap="400">
        {loading ? (
          <Card><SkeletonBodyText lines={6} /></Card>
        ) : error ? (
          <Banner tone="critical" title="The inbox could not be loaded" action={{ content: 'Retry', onAction: reload }}>{error.message}</Banner>
        ) : handoffs.length === 0 ? (
          <Card><EmptyState heading="No buyer is waiting" image=""><p>When a buyer asks for a person, or the assistant can't help, the chat appears here.</p></EmptyState></Card>
        ) : (
          handoffs.map((handoff) => (
            <HandoffCard key={handoff.id} handoff={handoff} onChanged={async (message) => { setToast(message); await reload(); }} />
          ))
        )}
      </BlockStack>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

export const page: AdminPage = { path: '/inbox', label: 'Inbox', icon: ChatReferralIcon, order: 40, Component: InboxPage };
