import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import type { Signal } from './types';

let domains: Set<string> | undefined;

/** True when the domain or any parent domain is on the maintained disposable-email list. */
export function isDisposableDomain(domain: string): boolean {
  domains ??= disposableEmailBlocklistSet();
  const labels = domain.toLowerCase().split('.');
  for (let index = 0; index < labels.length - 1; index++) {
    if (domains.has(labels.slice(index).join('.'))) return true;
  }
  return false;
}

/** Sign-up (or order) email on a throwaway-mail domain. */
export const disposableEmailSignal: Signal = ({ emailDomain, profile }) => {
  const domain = emailDomain ?? profile?.emailDomain;
  return { disposable_email: domain !== undefined && isDisposableDomain(domain) ? 1 : 0 };
};
