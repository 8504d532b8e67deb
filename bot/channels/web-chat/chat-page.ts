/** The shop a chat page serves, as written into the page. */
export interface ChatPageInput {
  shop: string;
  title: string;
  /** The longest message Direct Line accepts, so the page can say so before sending. */
  maxTextLength: number;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

/** The page that hosts the official Web Chat widget; every script is a same-origin file (no inline scripts). */
export function chatPageHtml(input: ChatPageInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
  body { display: flex; flex-direction: column; background: #fff; }
  header { padding: 10px 14px; background: #1f3a5f; color: #fff; font-size: 15px; }
  #handoff-banner { padding: 10px 14px; background: #fff4ce; color: #4a3b00; border-bottom: 1px solid #e6d28a; font-size: 14px; }
  #handoff-banner[hidden] { display: none; }
  #chat-error { padding: 14px; color: #8a1c1c; }
  #chat-error[hidden] { display: none; }
  #webchat { flex: 1; min-height: 0; }
</style>
</head>
<body data-shop="${escapeHtml(input.shop)}" data-max-text="${Math.floor(input.maxTextLength)}">
<header>${escapeHtml(input.title)}</header>
<div id="handoff-banner" role="status" aria-live="polite" hidden></div>
<div id="chat-error" role="alert" hidden></div>
<main id="webchat" aria-label="Chat"></main>
<script src="/chat/webchat.js"></script>
<script src="/chat/chat.js"></script>
</body>
</html>`;
}
