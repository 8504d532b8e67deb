import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, EmptyState, InlineGrid, InlineStack, Layout, Page, Select, SkeletonBodyText, Text, TextField, Toast } from '@shopify/polaris';
import { ChatIcon } from '@shopify/polaris-icons';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip } from 'chart.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { useApiData } from '../components/use-api-data';
import type { AdminPage } from '../shell/admin-page';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

interface ReviewItem {
  id: string;
  language: string;
  text: string;
  context: string[];
  topIntents: { intent: string; score: number }[];
  answer: string;
  createdAt: string;
}
interface Queue {
  items: ReviewItem[];
  open: number;
}
interface Stats {
  confidence: { from: number; to: number; turns: number }[];
  versions: { version: number; status: string; accuracy: number | null; macroF1: number | null }[];
}

/** Draws a Chart.js chart on a canvas and redraws when `config` changes. */
function ChartCanvas({ config, label, testId }: { config: () => ConstructorParameters<typeof Chart>[1]; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config());
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="sd-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

function TrainingCharts({ stats }: { stats: Stats }) {
  const confidence = useCallback(
    () => ({
      type: 'bar' as const,
      data: { labels: stats.confidence.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}`), datasets: [{ label: 'Turns', data: stats.confidence.map((b) => b.turns), backgroundColor: '#008060' }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false as const, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [stats],
  );
  const accuracy = useCallback(
    () => ({
      type: 'line' as const,
      data: {
        labels: stats.versions.map((v) => `v${v.version}`),
        datasets: [
          { label: 'Accuracy', data: stats.versions.map((v) => (v.accuracy === null ? null : v.accuracy * 100)), borderColor: '#008060', backgroundColor: '#008060' },
          { label: 'Macro-F1', data: stats.versions.map((v) => (v.macroF1 === null ? null : v.macroF1 * 100)), borderColor: '#2c6ecb', backgroundColor: '#2c6ecb' },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false as const, scales: { y: { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } } } },
    }),
    [stats],
  );
  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">Bot confidence, last 30 days</Text>
          <ChartCanvas config={confidence} label="Turns per confidence bucket" testId="confidence-chart" />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">Held-out accuracy per model version</Text>
          {stats.versions.length === 0 ? <Text as="p" tone="subdued">No model trained yet.</Text> : <ChartCanvas config={accuracy} label="Accuracy per model version" testId="version-accuracy-chart" />}
        </BlockStack>
      </Card>
    </InlineGrid>
  );
}

function ItemCard({ item, intents, selected, onSelect, act }: { item: ReviewItem; intents: string[]; selected: boolean; onSelect(value: boolean): void; act(path: string, body?: unknown): Promise<void> }) {
  const [intent, setIntent] = useState(item.topIntents.find((t) => t.intent !== 'None')?.intent ?? intents[0] ?? '');
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState('');
  const [answer, setAnswer] = useState('');
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start">
          <BlockStack gap="100">
            <Text as="p" variant="headingSm"><span data-testid="review-text">{item.text}</span></Text>
            {item.context.length > 0 && <Text as="p" tone="subdued" variant="bodySm">Before: {item.context.join(' · ')}</Text>}
            <Text as="p" tone="subdued" variant="bodySm">Bot answered: {item.answer}</Text>
          </BlockStack>
          <Checkbox label="Duplicate" checked={selected} onChange={onSelect} />
        </InlineStack>
        <InlineStack gap="200">
          {item.topIntents.map((t) => (
            <Badge key={t.intent} tone={t.intent === 'None' ? undefined : 'info'}>{`${t.intent} ${(t.score * 100).toFixed(0)}%`}</Badge>
          ))}
        </InlineStack>
        <InlineStack gap="200" blockAlign="end">
          <Box minWidth="220px">
            <Select label="Intent" options={intents.map((i) => ({ label: i, value: i }))} value={intent} onChange={setIntent} />
          </Box>
          <Button variant="primary" onClick={() => act(`${item.id}/assign`, { intent })}>Assign</Button>
          <Button onClick={() => setCreating(!creating)}>New intent</Button>
          <Button onClick={() => act(`${item.id}/out-of-scope`)}>Out of scope</Button>
          <Button onClick={() => act(`${item.id}/merge`, { duplicates: 'selected' })}>Merge selected into this</Button>
          <Button tone="critical" variant="plain" onClick={() => act(`${item.id}/dismiss`)}>Dismiss</Button>
        </InlineStack>
        {creating && (
          <InlineStack gap="200" blockAlign="end">
            <TextField label="New intent id" value={newId} onChange={setNewId} autoComplete="off" placeholder="gift_wrapping" />
            <Box minWidth="320px">
              <TextField label="Answer" value={answer} onChange={setAnswer} autoComplete="off" multiline={2} />
            </Box>
            <Button variant="primary" onClick={() => act(`${item.id}/new-intent`, { intent: newId, answer: { text: answer } })}>Create and assign</Button>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

function ReviewQueuePage() {
  const queue = useApiData<Queue>('/api/admin/review-queue?limit=50');
  const stats = useApiData<Stats & { open: number }>('/api/admin/review-queue/stats?language=en');
  const intents = useApiData<{ intents: { id: string }[] }>('/api/admin/review-queue/intents?language=en');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string>();
  const [toast, setToast] = useState<string>();

  const act = async (path: string, body?: unknown) => {
    setFailure(undefined);
    try {
      const payload = body && (body as { duplicates?: unknown }).duplicates === 'selected' ? { duplicates: [...selected].filter((id) => !path.startsWith(id)) } : body;
      await api(`/api/admin/review-queue/${path}`, { method: 'POST', body: payload ?? {} });
      setSelected(new Set());
      setToast('Saved: it will be used in the next training');
      await Promise.all([queue.reload(), stats.reload(), intents.reload()]);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  if (queue.loading) return <Page title="Review queue"><Card><SkeletonBodyText lines={8} /></Card></Page>;
  if (!queue.data) {
    return (
      <Page title="Review queue">
        <Banner tone="critical" title="The review queue could not be loaded" action={{ content: 'Retry', onAction: queue.reload }}>{queue.error?.message}</Banner>
      </Page>
    );
  }
  const intentIds = (intents.data?.intents ?? []).map((i) => i.id);
  return (
    <Page title="Review queue" subtitle="Turns the bot was not sure about. Each decision teaches the next nightly model." secondaryActions={[{ content: 'Refresh', onAction: queue.reload }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <InlineStack gap="200" blockAlign="center">
                <Text as="p" variant="heading2xl"><span data-testid="open-count">{queue.data.open}</span></Text>
                <Text as="p" tone="subdued">open to review</Text>
              </InlineStack>
            </Card>
            {failure && <Banner tone="critical" title="That did not work" onDismiss={() => setFailure(undefined)}>{failure}</Banner>}
            {stats.data && <TrainingCharts stats={stats.data} />}
            {queue.data.items.length === 0 ? (
              <Card><EmptyState heading="Nothing to review" image=""><p>When the bot is unsure, the turn shows up here, redacted.</p></EmptyState></Card>
            ) : (
              queue.data.items.map((item) => (
                <ItemCard
                  key={item.id}
                  item={item}
                  intents={intentIds}
                  selected={selected.has(item.id)}
                  onSelect={(value) => setSelected((s) => { const next = new Set(s); if (value) next.add(item.id); else next.delete(item.id); return next; })}
                  act={act}
                />
              ))
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

/** Trainers' review queue: low-confidence turns (redacted) to label, with confidence and accuracy charts. */
export const page: AdminPage = { path: '/review-queue', label: 'Review queue', icon: ChatIcon, order: 100, Component: ReviewQueuePage };
