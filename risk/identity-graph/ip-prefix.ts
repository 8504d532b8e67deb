import { isIPv4, isIPv6 } from 'node:net';

function expandIPv6(ip: string): string[] | undefined {
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  );
}

/** An IP split into its exact form and the network it sits in. */
export interface NormalisedIp {
  readonly ip: string;
  /** `a.b.c.0/24` for IPv4, the /48 for IPv6: the unit a home router, office or proxy pool usually holds. */
  readonly prefix: string;
}

/** Canonicalises an IP address and derives its /24 (IPv4) or /48 (IPv6) network; undefined if not an IP. */
export function normaliseIp(raw: string): NormalisedIp | undefined {
  let ip = raw.trim().toLowerCase();
  if (ip.startsWith('::ffff:') && isIPv4(ip.slice(7))) ip = ip.slice(7);
  if (isIPv4(ip)) {
    const parts = ip.split('.').map((part) => String(Number(part)));
    return { ip: parts.join('.'), prefix: `${parts.slice(0, 3).join('.')}.0/24` };
  }
  const zoneless = ip.split('%')[0] ?? ip;
  if (isIPv6(zoneless)) {
    const groups = expandIPv6(zoneless);
    if (!groups) return undefined;
    return { ip: groups.join(':'), prefix: `${groups.slice(0, 3).join(':')}::/48` };
  }
  return undefined;
}
