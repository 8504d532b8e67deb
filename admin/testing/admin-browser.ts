import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where browser tests leave screenshots (git-ignored). */
export const artifactsDir = resolve(__dirname, '../../test-artifacts');

/** Fails early, with the fix, when the UI has not been built. */
export function assertAdminBuilt(): void {
  if (!existsSync(resolve(__dirname, '../dist/index.html'))) {
    throw new Error('admin/dist is missing: run `npm run build:admin` (npm install/ci run it through `prepare`)');
  }
}

/** Debian's Chromium, headless and quiet: nothing phones home. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Refuses every request that leaves `base`, and returns the list of what was tried, so a test can
 * assert that the admin renders from local assets only.
 */
export async function keepOffline(page: Page, base: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}

/** Signs in through the real login form and waits for the shell's navigation. */
export async function signInAsStaff(page: Page, base: string, password: string, path = '/admin'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Admin password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').getByText('Overview').waitFor();
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
