import type { ComponentType } from 'react';
import type { IconSource } from '@shopify/polaris';
import type { SessionInfo, ShopView } from '../api/types';

/** What every page receives from the shell. */
export interface PageProps {
  shop: ShopView;
  session: SessionInfo;
}

/**
 * A page of the admin. Export one as `page` from `src/pages/<name>.page.tsx` and the shell adds it to
 * the navigation and the router; nothing else needs to change.
 */
export interface AdminPage {
  /** Path under /admin, e.g. '/review-queue'; '/' is the overview. */
  path: string;
  label: string;
  icon: IconSource;
  /** Position in the navigation, lowest first (Overview 10, Settings 1000). */
  order: number;
  Component: ComponentType<PageProps>;
}
