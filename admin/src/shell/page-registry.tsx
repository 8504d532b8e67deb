import type { AdminPage } from './admin-page';

const modules = import.meta.glob<{ page: AdminPage }>('../pages/*.page.tsx', { eager: true });

/** Every page found under `src/pages/*.page.tsx`, in navigation order. */
export const adminPages: AdminPage[] = Object.entries(modules)
  .map(([file, module]) => {
    if (!module.page) throw new Error(`${file} must export a \`page\``);
    return module.page;
  })
  .sort((a, b) => a.order - b.order);
