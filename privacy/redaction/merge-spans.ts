import type { PiiLabel, PiiSpan } from './labels';

// When two findings overlap, the more specific (checksummed or structured) one wins.
const PRIORITY: Record<PiiLabel, number> = {
  URL_TOKEN: 0,
  EMAIL: 1,
  IBAN: 2,
  CARD: 3,
  NRIC: 4,
  IP: 5,
  DOB: 6,
  PHONE: 7,
  ORDER_ID: 8,
  ADDRESS: 9,
  PERSON: 10,
};

/** Resolves overlaps (higher priority first, then longer) and returns spans sorted by start. */
export function mergeSpans(candidates: PiiSpan[], text: string): PiiSpan[] {
  // Most chat lines have no finding or one: nothing can overlap.
  if (candidates.length === 0) return [];
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return only.end > only.start ? [{ ...only }] : [];
  }
  leadingNamesOutOfAddresses(candidates, text);
  const ordered = candidates
    .filter((s) => s.end > s.start)
    .sort(
      (a, b) =>
        PRIORITY[a.label] - PRIORITY[b.label] || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
  const kept: PiiSpan[] = [];
  for (const span of ordered) {
    const overlapping = kept.filter((k) => k.start < span.end && span.start < k.end);
    if (overlapping.length === 0) {
      kept.push({ ...span });
      continue;
    }
    // An address may wrap a phone or name line; keep the parts of it that stick out.
    if (span.label === 'ADDRESS' && overlapping.every((k) => k.label !== 'ADDRESS')) {
      let cursor = span.start;
      for (const k of overlapping.sort((a, b) => a.start - b.start)) {
        if (k.start - cursor > 2) kept.push({ start: cursor, end: k.start, label: 'ADDRESS' });
        cursor = Math.max(cursor, k.end);
      }
      if (span.end - cursor > 2) kept.push({ start: cursor, end: span.end, label: 'ADDRESS' });
    } else if (span.label === 'ADDRESS') {
      for (const k of overlapping) {
        if (k.label === 'ADDRESS') {
          k.start = Math.min(k.start, span.start);
          k.end = Math.max(k.end, span.end);
        }
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

// "Mrs. Diana Weöres Apt. 434 ...": an address grown back over the name that opens it gives the name up.
function leadingNamesOutOfAddresses(spans: PiiSpan[], text: string): void {
  for (const person of spans) {
    if (person.label !== 'PERSON') continue;
    for (const address of spans) {
      if (address.label !== 'ADDRESS' || address.start >= person.end || person.start > address.start)
        continue;
      if (address.end <= person.end) continue;
      address.start = person.end;
      while (address.start < address.end && /[\s,]/.test(text[address.start] ?? '')) address.start++;
    }
  }
}
