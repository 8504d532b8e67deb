/** Providers that ignore dots in the local part (Gmail delivers j.ohn@ to john@). */
const DOT_BLIND = new Set(['gmail.com']);

/** Domains that are another name for the same mailbox. */
const DOMAIN_ALIASES: Readonly<Record<string, string>> = {
  'googlemail.com': 'gmail.com',
  'hotmail.co.uk': 'hotmail.co.uk',
  'pm.me': 'proton.me',
  'protonmail.com': 'proton.me',
  'protonmail.ch': 'proton.me',
  'me.com': 'icloud.com',
  'mac.com': 'icloud.com',
  'yandex.com': 'yandex.ru',
  'ya.ru': 'yandex.ru',
};

/** Providers that deliver `name+tag@` to `name@`. */
const PLUS_TAGGED = new Set([
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'icloud.com',
  'proton.me',
  'fastmail.com',
  'fastmail.fm',
  'zoho.com',
  'yandex.ru',
  'hey.com',
  'tutanota.com',
  'gmx.com',
  'gmx.de',
  'aol.com',
]);

/** An email split into the parts the risk engine links on. */
export interface NormalisedEmail {
  /** The mailbox that actually receives the mail, e.g. `johnsmith@gmail.com`. */
  readonly address: string;
  readonly domain: string;
  /** True when the raw address differs from the mailbox by more than letter case. */
  readonly isVariant: boolean;
}

/**
 * Reduces an email to the mailbox that receives it: lower case, provider aliases merged,
 * plus-tags dropped where the provider supports them, dots dropped where the provider ignores them.
 * Returns undefined for text that is not an email.
 */
export function normaliseEmail(raw: string): NormalisedEmail | undefined {
  const trimmed = raw.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return undefined;
  let local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1).replace(/\.$/, '');
  if (!rawDomain.includes('.') || /\s/.test(local) || /\s/.test(rawDomain)) return undefined;
  const domain = DOMAIN_ALIASES[rawDomain] ?? rawDomain;
  if (PLUS_TAGGED.has(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (DOT_BLIND.has(domain)) local = local.replace(/\./g, '');
  const address = `${local}@${domain}`;
  return { address, domain, isVariant: address !== trimmed };
}
