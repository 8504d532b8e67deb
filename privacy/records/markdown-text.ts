import MarkdownIt from 'markdown-it';

// Raw HTML in the source is shown as text, never rendered; links are only those the templates write.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Merchant-entered text made inert in Markdown: one line, every Markdown control character escaped. */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()#+\-.!|<>&~"']/g, (char) => `\\${char}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/** A standalone HTML page for a Markdown document. */
export function renderHtmlPage(title: string, source: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#202223}table{border-collapse:collapse}td,th{border:1px solid #c9cccf;padding:.3rem .6rem;text-align:left}</style>',
    '</head>',
    '<body><main>',
    markdown.render(source),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
