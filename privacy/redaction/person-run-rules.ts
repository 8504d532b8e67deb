import { isSpaceCode } from './address-segments';
import { isStreetWord } from './is-address-token';
import type { PiiSpan } from './labels';
import type { Word } from './classify-word';

const ORG_AFTER =
  /^,?\s+(?:ltd|llc|inc|corp|corporation|group|plc|gmbh|co\b|company|& sons|and sons|pte|office|systems|technologies|report|services|solutions|labs|bank)\b/i;

const PLACE_BEFORE = /\b(?:in|from|at|to|near|into|via|visit|visiting|across|around|of|for)\s+$/i;
const PLACE_ONLY_BEFORE = /\b(?:in|from|at|near|into|via|visit|visiting|across|around)\s+$/i;
const SUBJECT_AFTER = /^(?::|,|'s\b|\s+(?:has|had|said|says|shouted|spent|here)\b)/;
const STREET_AFTER =
  /^[ \t]+(?:\d{1,5}(?![\d]|[ -]\d)|(?:street|st|road|rd|avenue|ave|lane|drive|boulevard|blvd|way|place|square|straße|strasse|str)\b\.?)/i;
const STREET_BEFORE = /(?:\d|\b(?:street|road|avenue|rue|via|calle|ul|jalan|jln|lorong|blk))\.?[ \t]+$/i;

// The patterns below open or close with spaces or punctuation; a look at that one character
// skips the slice and the regex when they cannot match.
const spaceOrTabAt = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c === 32 || c === 9;
};
const spaceAt = (text: string, at: number) => isSpaceCode(text.charCodeAt(at));
const oneSpaceBetween = (text: string, from: number, to: number) =>
  to - from === 1 && text.charCodeAt(from) === 32;

/** Decides whether a run of name-like words is a person. */
export function runQualifies(
  run: Word[],
  text: string,
  before: Word | undefined,
  after: Word | undefined,
): boolean {
  const last = run[run.length - 1]!;
  const head = run[0]!;
  const afterRun = text.charCodeAt(last.end);
  if ((afterRun === 44 || isSpaceCode(afterRun)) && ORG_AFTER.test(text.slice(last.end, last.end + 14)))
    return false;
  const titled = head.kind === 'title' || head.cue;
  if (
    !titled &&
    ((spaceOrTabAt(text, last.end) && STREET_AFTER.test(text.slice(last.end, last.end + 12))) ||
      (spaceOrTabAt(text, head.start - 1) &&
        STREET_BEFORE.test(text.slice(Math.max(0, head.start - 10), head.start))))
  )
    return false;
  if (!titled && spaceOrTabAt(text, last.end)) {
    const nextWord = NEXT_WORD.exec(text.slice(last.end, last.end + 24))?.[1];
    if (nextWord && isStreetWord(nextWord)) return false;
  }
  const names = run.filter((w) => w.kind !== 'title' && w.kind !== 'link' && w.kind !== 'other');
  if (names.length === 0) return false;
  if (titled) return true;
  // Capitalised ordinary words around the run make it a title or brand ("Tube Snake Boogie", "Nike Air").
  const brandBefore =
    before &&
    before.kind === 'weakCommon' &&
    !before.sentenceStart &&
    oneSpaceBetween(text, before.end, head.start);
  const brandAfter = after && after.kind === 'weakCommon' && oneSpaceBetween(text, last.end, after.start);
  if (brandBefore || brandAfter) return false;
  if (names.some((w) => w.kind === 'strong')) return true;
  // "the Princess Royal": ordinary capitalised words after "the" name a thing, not a person.
  if (
    names.every((w) => w.kind === 'weakGaz') &&
    spaceAt(text, head.start - 1) &&
    /\bthe\s+$/i.test(text.slice(Math.max(0, head.start - 4), head.start))
  )
    return false;
  if (
    before &&
    before.cap &&
    !before.sentenceStart &&
    before.kind !== 'title' &&
    oneSpaceBetween(text, before.end, head.start)
  )
    return false;
  if (after && after.cap && after.kind !== 'title' && oneSpaceBetween(text, last.end, after.start))
    return false;
  // Two or more unknown capitalised words with no known name among them are more often a brand or product.
  if (names.length >= 2) return names.some((w) => w.kind === 'weakGaz');
  const only = names[0]!;
  if (only.kind === 'weakCommon') return false;
  if (only.sentenceStart) {
    const c = text.charCodeAt(only.end);
    return (
      (c === 58 || c === 44 || c === 39 || isSpaceCode(c)) &&
      SUBJECT_AFTER.test(text.slice(only.end, only.end + 9))
    );
  }
  if (!spaceAt(text, only.start - 1)) return true;
  if (only.kind === 'weakGaz')
    return !PLACE_ONLY_BEFORE.test(text.slice(Math.max(0, only.start - 12), only.start));
  return !PLACE_BEFORE.test(text.slice(Math.max(0, only.start - 12), only.start));
}

const NEXT_WORD = /^[ \t]+([\p{L}\p{M}][\p{L}\p{M}.]*)/u;
const COORDINATION = /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+&\s+)$/;

/** Person names as people write them in chat, from a gazetteer plus capitalisation and cues. */
// "Kovalev, Lee and Phillips": a doubtful word joined by a comma or "and" to a found name is a name too.
export function joinCoordinated(text: string, spans: PiiSpan[], rejected: PiiSpan[]): PiiSpan[] {
  if (spans.length === 0 || rejected.length === 0) return spans;
  const all = [...spans];
  let added = true;
  while (added) {
    added = false;
    for (const r of rejected) {
      if (all.includes(r)) continue;
      const near = all.some(
        (s) =>
          (s.end <= r.start && COORDINATION.test(text.slice(s.end, r.start))) ||
          (r.end <= s.start && COORDINATION.test(text.slice(r.end, s.start))),
      );
      if (near) {
        all.push(r);
        added = true;
      }
    }
  }
  return all.sort((a, b) => a.start - b.start);
}
