import { Banner, BlockStack, Button, Card, Form, FormLayout, Page, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError, api } from '../api/admin-api';
import type { SessionInfo } from '../api/types';

/** The standalone staff sign-in: one password per installation. */
export function LoginPage({ onSignedIn, notice }: { onSignedIn: (session: SessionInfo) => void; notice?: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!password) {
      setError('Enter the admin password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<SessionInfo>('/api/admin/login', { method: 'POST', body: { password } }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed. Please retry.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sd-centered">
      <Page narrowWidth>
        <Card>
          <BlockStack gap="400">
            <Text as="h1" variant="headingLg">
              Sign in to storedesk
            </Text>
            <Text as="p" tone="subdued">
              Use the admin password of this installation. The demo prints it when it starts; self-hosters set ADMIN_PASSWORD.
            </Text>
            {notice && <Banner tone="info">{notice}</Banner>}
            {error && (
              <Banner tone="critical" title="Not signed in">
                {error}
              </Banner>
            )}
            <Form onSubmit={submit}>
              <FormLayout>
                <TextField label="Admin password" type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus />
                <Button submit variant="primary" loading={busy}>
                  Sign in
                </Button>
              </FormLayout>
            </Form>
          </BlockStack>
        </Card>
      </Page>
    </div>
  );
}
