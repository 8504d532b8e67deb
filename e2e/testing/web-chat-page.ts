import type { Locator, Page } from 'playwright-core';

// Web Chat renders Markdown with typographic quotes: the bot's "couldn't" reads "couldn’t" on screen.
const anyApostrophe = (source: string) => source.replace(/'/g, "['\u2019]");

/**
 * Web Chat's messages as the buyer reads them: a string matches a whole message, a pattern part of one.
 * Each message is rendered twice (the visible bubble and a screen-reader copy); the paragraph role only
 * matches the visible one.
 */
export function paragraphs(page: Page, text: string | RegExp): Locator {
  const pattern = typeof text === 'string' ? new RegExp(`^\\s*${anyApostrophe(escapeRegExp(text))}\\s*$`) : new RegExp(anyApostrophe(text.source), text.flags);
  return page.getByRole('paragraph').filter({ hasText: pattern });
}

/** Waits for the first message matching `text` and returns it. */
export async function waitForParagraph(page: Page, text: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
  const found = paragraphs(page, text).first();
  await found.waitFor({ timeout: timeoutMs });
  // Web Chat scrolls to new messages a moment later; a screenshot taken now should show this one.
  await found.scrollIntoViewIfNeeded();
  return found;
}

/** Web Chat's send box. */
export function chatInput(page: Page): Locator {
  return page.locator('[data-id="webchat-sendbox-input"]');
}

/** Types a message in the send box and sends it with Enter, as a buyer does. */
export async function say(page: Page, text: string): Promise<void> {
  const input = chatInput(page);
  await input.fill(text);
  await input.press('Enter');
  await paragraphs(page, text).last().waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
