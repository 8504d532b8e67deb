import '@shopify/polaris/build/esm/styles.css';
import './shell/shell.css';
import { AppProvider } from '@shopify/polaris';
import en from '@shopify/polaris/locales/en.json';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './shell/app-shell';
import { navigate } from './shell/router';
import { SessionGate } from './shell/session-gate';

/** Polaris links go through the shell's router instead of reloading the page. */
function LinkComponent({ url, children, external, ...rest }: { url: string; children?: ReactNode; external?: boolean; [key: string]: unknown }) {
  const internal = !external && url.startsWith('/admin');
  return (
    <a
      href={url}
      {...rest}
      onClick={(event) => {
        if (!internal || event.metaKey || event.ctrlKey) return;
        event.preventDefault();
        navigate(new URL(url, window.location.origin).pathname.replace(/^\/admin/, '') || '/');
      }}
    >
      {children}
    </a>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProvider i18n={en} linkComponent={LinkComponent as never}>
      <SessionGate>{(session, actions) => <AppShell session={session} {...actions} />}</SessionGate>
    </AppProvider>
  </StrictMode>,
);
