import { Badge, Banner, BlockStack, Button, Card, DataTable, EmptyState, InlineStack, Page, SkeletonBodyText, Text, Toast } from '@shopify/polaris';
import { DataPresentationIcon } from '@shopify/polaris-icons';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/admin-api';
import { formatDateTime } from '../components/format';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Version {
  id: string;
  language: string;
  version: number;
  status: string;
  metrics: { accuracy?: number; macroF1?: number; heldOutSize?: number; trainingSeconds?: number; modelBytes?: number; gate?: { reasons?: string[] } };
  corpusSize: number;
  createdAt: string;
}
interface Models {
  versions: Version[];
  runs: { id: string; language: string; status: string; startedAt: string; promoted: boolean | null; error: string | null }[];
  canRetrain: boolean;
}

const pct = (x: number | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '–');

function VersionsChart({ versions }: { versions: Version[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const ordered = [...versions].sort((a, b) => a.version - b.version);
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: ordered.map((v) => `v${v.version}`),
        datasets: [
          { label: 'Accuracy', data: ordered.map((v) => (v.metrics.accuracy ?? NaN) * 100), borderColor: '#008060', backgroundColor: '#008060' },
          { label: 'Macro-F1', data: ordered.map((v) => (v.metrics.macroF1 ?? NaN) * 100), borderColor: '#2c6ecb', backgroundColor: '#2c6ecb' },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    });
    return () => chart.destroy();
  }, [versions]);
  return (
    <div className="sd-chart">
      <canvas ref={canvas} role="img" aria-label="Held-out accuracy and macro-F1 per model version" data-testid="models-chart" />
    </div>
  );
}

function statusBadge(status: string) {
  if (status === 'active') return <Badge tone="success">Live</Badge>;
  if (status === 'candidate') return <Badge tone="attention">Not promoted</Badge>;
  return <Badge>Retired</Badge>;
}

const TRAINING_POLL_MS = 3000;
// Longer than a large shop's training; after that the page stops looking and a reload shows the result.
const TRAINING_WATCH_MS = 10 * 60_000;

function ModelsPage({ shop }: PageProps) {
  const { data, error, loading, reload } = useApiData<Models>('/api/admin/models?language=en');
  const [failure, setFailure] = useState<string>();
  const [toast, setToast] = useState<string>();
  // After "Retrain now", the page looks again every few seconds until the new version appears.
  const [training, setTraining] = useState<{ versions: number; since: number }>();
  useEffect(() => {
    if (!training || !data) return undefined;
    if (data.versions.length > training.versions) {
      setTraining(undefined);
      setToast('A new version was trained');
      return undefined;
    }
    if (Date.now() - training.since > TRAINING_WATCH_MS) {
      setTraining(undefined);
      return undefined;
    }
    const timer = setTimeout(() => void reload(), TRAINING_POLL_MS);
    return () => clearTimeout(timer);
  }, [training, data, reload]);
  const post = async (path: string, body: unknown, done: string): Promise<boolean> => {
    setFailure(undefined);
    try {
      await api(path, { method: 'POST', body });
      setToast(done);
      await reload();
      return true;
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.message : String(caught));
      return false;
    }
  };
  const retrain = async (versions: number) => {
    if (await post('/api/admin/models/retrain', { language: 'en' }, 'Retraining queued')) setTraining({ versions, since: Date.now() });
  };

  if (loading) return <Page title="Models"><Card><SkeletonBodyText lines={6} /></Card></Page>;
  if (!data) {
    return (
      <Page title="Models">
        <Banner tone="critical" title="The models could not be loaded" action={{ content: 'Retry', onAction: reload }}>{error?.message}</Banner>
      </Page>
    );
  }
  const live = data.versions.find((v) => v.status === 'active')?.version ?? 0;
  const rows = data.versions.map((v) => [
    `v${v.version}`,
    statusBadge(v.status),
    pct(v.metrics.accuracy),
    pct(v.metrics.macroF1),
    String(v.metrics.heldOutSize ?? '–'),
    String(v.corpusSize),
    formatDateTime(v.createdAt, shop.timezone),
    v.status === 'active' ? (
      <Text as="span" tone="subdued">Serving</Text>
    ) : (
      <Button size="slim" onClick={() => post('/api/admin/models/activate', { language: v.language, version: v.version }, `Version ${v.version} is live`)}>
        {v.version > live ? (v.status === 'candidate' ? `Promote v${v.version}` : `Make v${v.version} live`) : `Roll back to v${v.version}`}
      </Button>
    ),
  ]);
  const primaryAction = data.canRetrain ? { content: 'Retrain now', loading: training !== undefined, onAction: () => void retrain(data.versions.length) } : undefined;
  return (
    <Page title="Models" subtitle="Each night a new model is trained and goes live only if it is not worse on turns trainers labelled." primaryAction={primaryAction}>
      <BlockStack gap="400">
        {failure && <Banner tone="critical" title="That did not work" onDismiss={() => setFailure(undefined)}>{failure}</Banner>}
        {training && <Banner tone="info" title="Training a new version">It is trained, then checked on the turns trainers labelled; this page shows it when it is done.</Banner>}
        {data.versions.length === 0 ? (
          <Card><EmptyState heading="No model trained yet" image=""><p>The bot answers from the default model until the first nightly training, or run <code>npx storedesk train --shop {shop.domain}</code>.</p></EmptyState></Card>
        ) : (
          <>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Held-out accuracy per version</Text>
                <VersionsChart versions={data.versions} />
              </BlockStack>
            </Card>
            <Card padding="0">
              <DataTable
                columnContentTypes={['text', 'text', 'numeric', 'numeric', 'numeric', 'numeric', 'text', 'text']}
                headings={['Version', 'Status', 'Accuracy', 'Macro-F1', 'Held-out', 'Corpus', 'Trained', '']}
                rows={rows}
              />
            </Card>
          </>
        )}
        {data.runs[0]?.status === 'failed' && (
          <Banner tone="warning" title="The last training failed; the live model was kept">{data.runs[0].error}</Banner>
        )}
        <InlineStack />
      </BlockStack>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

/** Model versions with their held-out figures; roll back or promote by hand. */
export const page: AdminPage = { path: '/models', label: 'Models', icon: DataPresentationIcon, order: 110, Component: ModelsPage };
