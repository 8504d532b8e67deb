import { Banner, BlockStack, Card, EmptyState, Page, SkeletonBodyText, Tabs, Toast } from '@shopify/polaris';
import { useState, type ReactNode } from 'react';
import { useApiData } from './use-api-data';

/** What a decision queue page shows: items waiting for a person, and those already decided. */
export interface DecisionQueueProps<T, R> {
  title: string;
  subtitle: string;
  /** Tab labels: waiting, decided. */
  tabs: [string, string];
  /** The list endpoint for a status. */
  path: (status: 'open' | 'decided') => string;
  items: (response: R) => T[];
  keyOf: (item: T) => string;
  loadError: string;
  empty: (status: 'open' | 'decided') => { heading: string; body: string };
  /** A waiting item, with the decision controls; `onDone` shows a toast and reloads. */
  renderOpen: (item: T, onDone: (toast: string) => void) => ReactNode;
  renderDecided: (item: T) => ReactNode;
}

/** The tabs, loading, error and empty states of a queue where staff decide item by item. */
export function DecisionQueuePage<T, R>(props: DecisionQueueProps<T, R>) {
  const [tab, setTab] = useState(0);
  const status = tab === 0 ? 'open' : 'decided';
  const { data, error, loading, reload } = useApiData<R>(props.path(status));
  const [toast, setToast] = useState<string>();
  const items = data ? props.items(data) : [];
  const empty = props.empty(status);
  const onDone = (message: string) => {
    setToast(message);
    void reload();
  };
  return (
    <Page title={props.title} subtitle={props.subtitle}>
      <BlockStack gap="400">
        <Tabs tabs={[{ id: 'open', content: props.tabs[0] }, { id: 'decided', content: props.tabs[1] }]} selected={tab} onSelect={setTab} />
        {loading ? <Card><SkeletonBodyText lines={6} /></Card> : error ? (
          <Banner tone="critical" title={props.loadError} action={{ content: 'Retry', onAction: reload }}>{error.message}</Banner>
        ) : items.length === 0 ? (
          <Card><EmptyState heading={empty.heading} image=""><p>{empty.body}</p></EmptyState></Card>
        ) : (
          items.map((item) => <div key={props.keyOf(item)}>{status === 'open' ? props.renderOpen(item, onDone) : props.renderDecided(item)}</div>)
        )}
      </BlockStack>
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}
