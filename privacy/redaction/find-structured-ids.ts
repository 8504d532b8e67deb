import { eachMatch } from './each-match';
import { isIPv6 } from 'node:net';
import type { PiiSpan } from './labels';
import { textFacts } from './text-facts';
import type { TextFacts } from './text-facts';

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL = /\bhttps?:\/\/[^\s<>"')\]]+/gi;
const URL_SECRET_KEY =
  /[?&#;](?:token|access_token|id_token|refresh_token|auth|authorization|key|api_key|apikey|sig|signature|session|sessionid|sid|password|pwd|pass|secret|otp|code|reset|hash|jwt|t)=/i;
const LONG_RANDOM_PART = /[/=][A-Za-z0-9_-]{24,}/;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

/** Emails, token-bearing URLs and IP addresses. */
export function findStructuredIds(text: string, facts: TextFacts = textFacts(text)): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (facts.ats > 0) {
    eachMatch(EMAIL, text, (m) => {
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'EMAIL' });
    });
  }
  if (facts.colons > 0 && text.includes('://')) {
    eachMatch(URL, text, (m) => {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const hasDigit = /\d/.test(url);
      if (URL_SECRET_KEY.test(url) || (hasDigit && LONG_RANDOM_PART.test(url) && /[a-z]/i.test(url))) {
        spans.push({ start: m.index, end: m.index + url.length, label: 'URL_TOKEN' });
      }
    });
  }
  if (facts.dots >= 3) {
    eachMatch(IPV4, text, (m) => {
      spans.push({ start: m.index, end: m.index + m[0].length, label: 'IP' });
    });
  }
  if (facts.colons >= 2) {
    eachMatch(IPV6, text, (m) => {
      const candidate = m[0];
      const groups = candidate.split(':').filter(Boolean).length;
      if ((groups >= 3 || (candidate.includes('::') && /[a-f]/i.test(candidate))) && isIPv6(candidate)) {
        spans.push({ start: m.index, end: m.index + candidate.length, label: 'IP' });
      }
    });
  }
  return spans;
}
