import { Banner, Frame, Navigation, Page, TopBar } from '@shopify/polaris';
import { ExitIcon, StoreIcon } from '@shopify/polaris-icons';
import { createElement, useState } from 'react';
import type { SessionInfo, ShopView } from '../api/types';
import { adminPages } from './page-registry';
import { ShopClockProvider } from '../components/shop-clock';
import { hrefOf, isEmbedded, navigate, usePath } from './router';

const logo = {
  width: 124,
  topBarSource:
    'data:image/svg+xml;utf8,' +
    encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" width="124" height="28"><rect x="0" y="4" width="20" height="20" rx="5" fill="#008060"/><path d="M5 11h10M5 15h7M5 19h9" stroke="#fff" stroke-width="2" stroke-linecap="round"/><text x="27" y="20" font-family="-apple-system,Segoe UI,Roboto,sans-serif" font-size="16" font-weight="650" fill="#e3e3e3">storedesk</text></svg>',
    ),
  accessibilityLabel: 'storedesk',
};

/** Inside Shopify, App Bridge draws the navigation in the admin's sidebar from this element. */
function EmbeddedNavMenu() {
  return createElement(
    'ui-nav-menu',
    null,
    adminPages.map((page) => createElement('a', { key: page.path, href: hrefOf(page.path), rel: page.path === '/' ? 'home' : undefined }, page.label)),
  );
}

/** The frame around every page: navigation from the page registry, the shop, sign-out. */
export function AppShell({ session, signOut, switchShop }: { session: SessionInfo & { shop: ShopView }; signOut(): void; switchShop(): void }) {
  const path = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  const page = adminPages.find((candidate) => candidate.path === path);
  const content = page ? (
    <ShopClockProvider value={session.shop.timezone}>
      <page.Component shop={session.shop} session={session} />
    </ShopClockProvider>
  ) : (
    <Page title="Page not found">
      <Banner tone="warning">There is no admin page at {path}.</Banner>
    </Page>
  );

  if (isEmbedded()) {
    return (
      <Frame>
        <EmbeddedNavMenu />
        {content}
      </Frame>
    );
  }

  const userMenu = (
    <TopBar.UserMenu
      name="Staff"
      detail={session.shop.name}
      initials={(session.shop.name || session.shop.domain).slice(0, 1).toUpperCase()}
      open={menuOpen}
      onToggle={() => setMenuOpen((open) => !open)}
      actions={[
        {
          items: [
            ...(session.shops.length > 1 ? [{ content: 'Switch shop', icon: StoreIcon, onAction: switchShop }] : []),
            { content: 'Sign out', icon: ExitIcon, onAction: signOut },
          ],
        },
      ]}
    />
  );
  const navigation = (
    <Navigation location={path}>
      <Navigation.Section
        title={session.shop.name || session.shop.domain}
        items={adminPages.map((item) => ({
          label: item.label,
          icon: item.icon,
          url: hrefOf(item.path),
          selected: item.path === path,
          exactMatch: true,
          onClick: () => {
            setNavOpen(false);
            navigate(item.path);
          },
        }))}
      />
    </Navigation>
  );
  return (
    <Frame
      logo={logo}
      topBar={<TopBar showNavigationToggle userMenu={userMenu} onNavigationToggle={() => setNavOpen((open) => !open)} />}
      navigation={navigation}
      showMobileNavigation={navOpen}
      onNavigationDismiss={() => setNavOpen(false)}
    >
      {content}
    </Frame>
  );
}
