import { Badge, Banner, BlockStack, Button, Card, DataTable, EmptyState, FormLayout, Modal, Page, Select, SkeletonBodyText, Text, TextField, Toast } from '@shopify/polaris';
import { DisabledIcon } from '@shopify/polaris-icons';
import { useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { useApiData } from '../components/use-api-data';
import type { AdminPage } from '../shell/admin-page';
import type { BlocklistEntryView } from '../../../risk/blocklist-entries/blocklist-view-types';
import { useShopClock } from '../components/shop-clock';

type Entry = BlocklistEntryView;

const KINDS = ['email', 'phone', 'device', 'ip', 'address', 'account', 'payment'].map((k) => ({ label: k, value: k }));

function AddEntryForm({ onAdded }: { onAdded: () => void }) {
  const [kind, setKind] = useState('email');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState('shop');
  const [days, setDays] = useState('90');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/admin/risk/blocklist', { method: 'POST', body: { kind, value, reason, scope, ...(days.trim() ? { expiresInDays: Number(days) } : {}) } });
      setValue('');
      setReason('');
      onAdded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The entry was not added. Please retry.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Add an entry</Text>
        <Text as="p" tone="subdued">Emails, phones and addresses are hashed before they are stored; entries for all shops hold only the hash.</Text>
        {error && <Banner tone="critical">{error}</Banner>}
        <FormLayout>
          <FormLayout.Group>
            <Select label="Kind" options={KINDS} value={kind} onChange={setKind} />
            <TextField label="Value" value={value} onChange={setValue} autoComplete="off" />
          </FormLayout.Group>
          <TextField label="Reason" value={reason} onChange={setReason} autoComplete="off" helpText="Plain words; shown to staff and in verdicts." />
          <FormLayout.Group>
            <Select label="Applies to" options={[{ label: 'This shop', value: 'shop' }, { label: 'All shops of this installation', value: 'global' }]} value={scope} onChange={setScope} />
            <TextField label="Expires after (days)" type="number" value={days} onChange={setDays} autoComplete="off" helpText="Leave empty for no expiry." />
          </FormLayout.Group>
          <Button variant="primary" loading={busy} onClick={add}>Add to blocklist</Button>
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

function BlocklistPage() {
  const clock = useShopClock();
  const [showAll, setShowAll] = useState(false);
  const { data, error, loading, reload } = useApiData<{ entries: Entry[] }>(`/api/admin/risk/blocklist${showAll ? '?all=1' : ''}`);
  const [removing, setRemoving] = useState<Entry>();
  const [toast, setToast] = useState<string>();
  const [removeError, setRemoveError] = useState<string>();
  async function remove() {
    if (!removing) return;
    try {
      await api(`/api/admin/risk/blocklist/${removing.id}`, { method: 'DELETE' });
      setToast('Entry removed');
      setRemoving(undefined);
      await reload();
    } catch (caught) {
      setRemoveError(caught instanceof ApiError ? caught.message : 'Removing failed. Please retry.');
    }
  }
  const rows = (data?.entries ?? []).map((e) => [
    <Text as="span" key="k">{e.kind}{e.hint ? ` · ${e.hint}` : ''}</Text>,
    e.reason,
    e.scope === 'global' ? 'All shops' : e.effect === 'allow' ? 'Exemption' : 'This shop',
    e.addedBy,
    e.expiresAt ? clock.date(e.expiresAt) : 'Never',
    <Badge key="s" tone={e.status === 'active' ? 'critical' : undefined}>{e.status}</Badge>,
    e.status === 'active' ? <Button key="r" variant="plain" tone="critical" onClick={() => { setRemoveError(undefined); setRemoving(e); }} accessibilityLabel={`Remove ${e.reason}`}>Remove</Button> : null,
  ]);
  return (
    <Page title="Blocklist" subtitle="Accounts, devices, emails, phones, IPs and addresses refused service" secondaryActions={[{ content: showAll ? 'Show active only' : 'Show expired and removed', onAction: () => setShowAll(!showAll) }]}>
      <BlockStack gap="400">
        <AddEntryForm onAdded={() => { setToast('Entry added'); void reload(); }} />
        {loading ? <Card><SkeletonBodyText lines={5} /></Card> : error ? (
          <Banner tone="critical" title="The blocklist could not be loaded" action={{ content: 'Retry', onAction: reload }}>{error.message}</Banner>
        ) : rows.length === 0 ? (
          <Card><EmptyState heading="The blocklist is empty" image=""><p>Entries added here, by reviewers or by rules appear in this list.</p></EmptyState></Card>
        ) : (
          <Card padding="0"><DataTable columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text', 'text']} headings={['Identifier', 'Reason', 'Scope', 'Added by', 'Expires', 'Status', '']} rows={rows} /></Card>
        )}
      </BlockStack>
      <Modal open={removing !== undefined} onClose={() => setRemoving(undefined)} title="Remove this entry?" primaryAction={{ content: 'Remove entry', destructive: true, onAction: remove }} secondaryActions={[{ content: 'Cancel', onAction: () => setRemoving(undefined) }]}>
        <Modal.Section>
          <BlockStack gap="200">
            <Text as="p">The {removing?.kind} blocked for “{removing?.reason}” will be able to order again. The removal is kept in the audit trail.</Text>
            {removeError && <Banner tone="critical">{removeError}</Banner>}
          </BlockStack>
        </Modal.Section>
      </Modal>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

export const page: AdminPage = { path: '/blocklist', label: 'Blocklist', icon: DisabledIcon, order: 310, Component: BlocklistPage };
