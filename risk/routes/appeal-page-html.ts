import type { AppealStatus } from '../appeals';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f1f1f1;color:#303030}
main{max-width:560px;margin:40px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:22px;margin:0 0 8px}label{display:block;font-weight:600;margin:16px 0 4px}
textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #8a8a8a;border-radius:8px}
textarea{min-height:140px}button{margin-top:20px;background:#303030;color:#fff;border:0;border-radius:8px;padding:10px 18px;font:inherit;cursor:pointer}
.note{color:#616161;font-size:14px}.error{background:#fee9e8;border:1px solid #e51c00;border-radius:8px;padding:10px;margin:12px 0}
.ref{font:600 20px ui-monospace,monospace;letter-spacing:1px}.outcome{border-radius:8px;padding:12px;margin:12px 0;background:#eef7ee}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The form a refused buyer fills in. */
export function appealFormPage(input: { shop: string; shopName: string; subject?: string; statement?: string; contact?: string; error?: string }): string {
  const identify = input.subject
    ? `<input type="hidden" name="subject" value="${escape(input.subject)}">`
    : `<label for="email">The email you used with the shop</label><input id="email" name="email" type="email" autocomplete="email">
       <label for="phone">or your phone number</label><input id="phone" name="phone" type="tel" autocomplete="tel">`;
  return layout(
    `Appeal to ${input.shopName}`,
    `<h1>Ask ${escape(input.shopName)} to look again</h1>
<p>If you think we refused your order or account by mistake, tell us what happened. A person at the shop reads every appeal; none is rejected automatically.</p>
${input.error ? `<div class="error" role="alert">${escape(input.error)}</div>` : ''}
<form method="post" action="/appeal">
<input type="hidden" name="shop" value="${escape(input.shop)}">${identify}
<label for="statement">Your statement</label>
<textarea id="statement" name="statement" maxlength="2000" required>${escape(input.statement ?? '')}</textarea>
<label for="contact">How can we reach you? (optional)</label>
<input id="contact" name="contact" maxlength="200" value="${escape(input.contact ?? '')}">
<p class="note">We use what you write only to review this appeal.</p>
<button type="submit">Send appeal</button>
</form>`,
  );
}

const OUTCOME_TITLES = { lift: 'Your appeal was accepted', narrow: 'Your appeal was partly accepted', keep: 'Your appeal was reviewed; the decision stands' };

/** The status page at the form's URL, by reference. */
export function appealStatusPage(input: { shopName: string; status: AppealStatus; justFiled: boolean }): string {
  const { status } = input;
  const decided = status.status === 'decided' && status.outcome;
  return layout(
    `Appeal ${status.reference}`,
    `<h1>${decided ? OUTCOME_TITLES[status.outcome!] : input.justFiled ? 'Thank you, your appeal was sent' : 'Your appeal is waiting for review'}</h1>
<p>Reference number</p><p class="ref" data-testid="reference">${escape(status.reference)}</p>
${decided ? `<div class="outcome" data-testid="outcome"><p>${escape(status.message ?? '')}</p><p class="note">Decided ${escape(status.decidedAt!.slice(0, 10))}.</p></div>` : `<p data-testid="outcome">A person at ${escape(input.shopName)} will review it. Keep this page's address or the reference number to check the outcome here.</p>`}
<p class="note">Filed ${escape(status.filedAt.slice(0, 10))}.</p>`,
  );
}

/** A page for a link that leads nowhere (unknown shop or reference). */
export function appealNotFoundPage(): string {
  return layout('Appeal not found', '<h1>We could not find that appeal</h1><p>Check the link or the reference number you were given.</p>');
}

/** Too many attempts from this address or about this buyer: when to come back. */
export function appealRateLimitedPage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? 'a minute' : minutes < 60 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hour${minutes > 60 ? 's' : ''}`;
  return layout(
    'Too many attempts',
    `<h1>Too many attempts</h1>
<p>We received several appeals or look-ups from you in a short time. Please wait ${wait} and try again.</p>
<p class="note">If you already sent an appeal, it is waiting for review: there is no need to send it again.</p>`,
  );
}
