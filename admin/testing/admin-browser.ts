import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

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

/** The part of a DOM canvas read here; browser tests compile without DOM types. */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/**
 * How many pixels of a canvas a chart painted (not transparent), or with `only: 'green'` how many are
 * the admin's green (Polaris success), so a test can tell bars were drawn in the chart's colour.
 */
export function paintedPixels(canvas: Locator, only?: 'green'): Promise<number> {
  return canvas.evaluate((element, green) => {
    const target = element as unknown as CanvasLike;
    const data = target.getContext('2d')?.getImageData(0, 0, target.width, target.height).data ?? new Uint8ClampedArray();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue;
      if (!green || (data[i + 1]! > 100 && data[i]! < 60)) painted += 1;
    }
    return painted;
  }, only === 'green');
}
