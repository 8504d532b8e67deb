import { Banner, Button, Page, SkeletonBodyText, SkeletonPage, Card } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, setCsrfToken } from '../api/admin-api';
import type { SessionInfo, ShopView } from '../api/types';
import { LoginPage } from './login-page';
import { isEmbedded } from './router';
import { ShopPicker } from './shop-picker';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; session: SessionInfo };

/** Shows the sign-in, the shop picker or the app, depending on the session. */
export function SessionGate({ children }: { children: (session: SessionInfo & { shop: ShopView }, actions: { signOut(): void; switchShop(): void }) => JSX.Element }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [picking, setPicking] = useState(false);

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setPicking(false);
    setState({ kind: 'signed-in', session });
  }, []);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      signedIn(await api<SessionInfo>('/api/admin/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && !isEmbedded()) {
        setState({ kind: 'signed-out', notice: error.details.passwordLogin === false ? 'Password sign-in is off on this server.' : undefined });
      } else {
        setState({ kind: 'failed', message: error instanceof Error ? error.message : 'Unknown error' });
      }
    }
  }, [signedIn]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') {
    return (
      <SkeletonPage primaryAction>
        <Card>
          <SkeletonBodyText lines={4} />
        </Card>
      </SkeletonPage>
    );
  }
  if (state.kind === 'failed') {
    return (
      <Page title="storedesk">
        <Banner tone="critical" title="The admin could not start" action={{ content: 'Retry', onAction: load }}>
          {state.message}
        </Banner>
      </Page>
    );
  }
  if (state.kind === 'signed-out') return <LoginPage onSignedIn={signedIn} notice={state.notice} />;
  const { session } = state;
  if (!session.shop || picking) {
    return (
      <>
        <ShopPicker session={session} onChosen={signedIn} />
        {picking && (
          <Page narrowWidth>
            <Button onClick={() => setPicking(false)}>Cancel</Button>
          </Page>
        )}
      </>
    );
  }
  const signOut = async () => {
    await api('/api/admin/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    setState({ kind: 'signed-out' });
  };
  return children(session as SessionInfo & { shop: ShopView }, { signOut, switchShop: () => setPicking(true) });
}
