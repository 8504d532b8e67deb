import { eachMatch } from './each-match';
import { endsWithDot, gapAllows, isDigitCode, isNumberWithDot, tokensOf } from './address-line-tokens';
import type { Token } from './address-line-tokens';
import {
  ADDRESS_CUE,
  ADDRESS_TOPIC,
  CORNER_OF,
  MILITARY,
  NAMED_STREET,
  POSTAL_CUE,
  SG_POSTAL,
  STREET_SUFFIX,
  STREET_WORDS,
  UNIT_ANCHOR,
  WORDS_NUMBER,
} from './address-words';
import type { PiiSpan } from './labels';
import { isAddressTokenAt, isStreetTypeAt } from './is-address-token';
import { hasRareWord, hasStreetSignal } from './address-segments';
import { extendAddressBlock } from './extend-address-block';
import { seedPatterns } from './address-seed-patterns';
import { textFacts } from './text-facts';
import type { TextFacts } from './text-facts';
import { ALL_GATES, GATE } from './word-gates';
import type { WordGates } from './word-gates';

// A house number, not a quantity ("2x", "3pcs").
const HOUSE_NUMBER = /\b\d{1,5}[A-WYZa-wyz]?\b/g;

type LineCache = Map<number, Token[]>;

// A line is grown from several seeds; each token is looked up once per text.
function isAddressTokenMemo(text: string, t: Token, lowerCaseText: boolean): boolean {
  if (t.address < 0) t.address = isAddressTokenAt(text, t.start, t.end, lowerCaseText) ? 1 : 0;
  return t.address === 1;
}

function isStreetTypeMemo(text: string, t: Token): boolean {
  if (t.streetType < 0) t.streetType = isStreetTypeAt(text, t.start, t.end) ? 1 : 0;
  return t.streetType === 1;
}

/** Grows [start, end) over neighbouring address tokens on the same line. */
function growOnLine(
  text: string,
  start: number,
  end: number,
  lowerCaseText: boolean,
  lines: LineCache,
): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let tokens = lines.get(lineStart);
  if (!tokens) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    tokens = tokensOf(text, lineStart, lineEnd);
    lines.set(lineStart, tokens);
  }
  // The first token ending after `start`, and the first reaching `end`.
  let i = 0;
  while (i < tokens.length && tokens[i]!.end <= start) i++;
  let j = end > start ? i : 0;
  while (j < tokens.length && tokens[j]!.end < end) j++;
  if (i === tokens.length || j === tokens.length) return [start, end];
  while (i > 0) {
    const prev = tokens[i - 1]!;
    if (!gapAllows(text, prev.end, tokens[i]!.start)) break;
    if (!isAddressTokenMemo(text, prev, lowerCaseText)) break;
    if (endsWithDot(text, prev) && !isDigitCode(text.charCodeAt(prev.start)) && !isStreetTypeMemo(text, prev))
      break;
    i--;
  }
  while (j < tokens.length - 1) {
    const cur = tokens[j]!;
    const next = tokens[j + 1]!;
    if (endsWithDot(text, cur) && !isStreetTypeMemo(text, cur) && !isNumberWithDot(text, cur)) break;
    if (!gapAllows(text, cur.end, next.start)) break;
    if (!isAddressTokenMemo(text, next, lowerCaseText)) break;
    j++;
  }
  let finalEnd = tokens[j]!.end;
  if (text.charCodeAt(finalEnd - 1) === 46 && !isStreetTypeMemo(text, tokens[j]!)) finalEnd--;
  return [Math.min(tokens[i]!.start, start), Math.max(finalEnd, end)];
}

const UNIT_ANCHOR_FOLDED = new RegExp(UNIT_ANCHOR.source, 'g');
const ADDRESS_CUE_FOLDED = new RegExp(ADDRESS_CUE.source, 'g');
const STREET_ANY = new RegExp(
  `\\b(?:${[...STREET_WORDS].map((w) => w.replace(/[.]/g, '\\.')).join('|')})\\b|${STREET_SUFFIX.source.replace(/\$$/, '\\b')}`,
  '',
);
const STREET_ANY_FROM = new RegExp(STREET_ANY.source, 'g');
const ADDRESS_TOPIC_FROM = new RegExp(ADDRESS_TOPIC.source, 'g');

// A pattern that can only match inside a gated word is tested on the lower-cased text from the
// first such word on (from the start when lower-casing changed the length, so offsets differ).
function testFrom(pattern: RegExp, folded: string | undefined, text: string, from: number): boolean {
  pattern.lastIndex = folded ? from : 0;
  return pattern.test(folded ?? text.toLowerCase());
}

const STREET_HINT = /Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace|Close|Way|Place|Square/;

/** Street, block and unit addresses (Singapore forms first), P.O. boxes and postal codes. */
export function findAddresses(
  text: string,
  facts: TextFacts = textFacts(text),
  gates: WordGates = ALL_GATES,
): PiiSpan[] {
  const lowerCaseText = facts.lowerCase;
  const lower = lowerCaseText ? text : text.toLowerCase();
  // Case-insensitive patterns run on the lower-cased copy, which is faster than the /i flag.
  const folded = lower.length === text.length ? lower : undefined;
  const lines: LineCache = new Map();
  const seeds: Array<[number, number]> = [];
  const bits = gates.bits;
  const patterns = seedPatterns(facts, bits);
  if (bits & GATE.unitAnchor || facts.hashes > 0)
    eachMatch(folded ? UNIT_ANCHOR_FOLDED : UNIT_ANCHOR, folded ?? text, (m) => {
      seeds.push([m.index, m.index + m[0].length]);
    });
  if (bits & GATE.streetHint && STREET_HINT.test(text)) patterns.push(NAMED_STREET, CORNER_OF);
  if (bits & GATE.addressTopic && testFrom(ADDRESS_TOPIC_FROM, folded, text, gates.topicFrom))
    patterns.push(WORDS_NUMBER);
  for (const pattern of patterns) {
    eachMatch(pattern, text, (m) => {
      if (
        pattern !== SG_POSTAL &&
        pattern !== MILITARY &&
        pattern !== CORNER_OF &&
        !hasRareWord(text, m.index, m.index + m[0].length)
      )
        return;
      seeds.push([m.index, m.index + m[0].length]);
    });
  }
  if (bits & GATE.postalCue)
    eachMatch(POSTAL_CUE, text, (m) => {
      const code = m[1] ?? '';
      seeds.push([m.index + m[0].length - code.length, m.index + m[0].length]);
    });
  // "15 Millicent Drive", "40 rue Victor Hugo", "Lille Vibyvej 8": a number next to a street word.
  // Without a street word anywhere, no house number grows into an address.
  let grownTo = -1;
  if (bits & GATE.street && testFrom(STREET_ANY_FROM, folded, text, gates.streetFrom))
    eachMatch(HOUSE_NUMBER, text, (m) => {
      if (m.index < grownTo) return;
      const [s, e] = growOnLine(text, m.index, m.index + m[0].length, lowerCaseText, lines);
      grownTo = e;
      if (e - s <= m[0].length) return;
      if (hasStreetSignal(text, s, e) && /\p{L}{2}/u.test(text.slice(s, e))) seeds.push([s, e]);
    });
  if (bits & GATE.addressCue)
    eachMatch(folded ? ADDRESS_CUE_FOLDED : ADDRESS_CUE, folded ?? text, (m) => {
      const at = m.index + m[0].length;
      const [s, e] = growOnLine(
        text,
        at,
        at + (/^\d+/.exec(text.slice(at))?.[0].length ?? 1),
        lowerCaseText,
        lines,
      );
      const segment = text.slice(at, e);
      const bareAt = /^at\s*$/i.test(m[0].trim());
      const words = segment.split(/[\s,]+/).filter((w) => /\p{L}{2}/u.test(w));
      if (
        words.length === 0 ||
        /^\d+\s*(?:am|pm|h|hrs|o'clock|min|mins|minutes|days|pcs|pieces|items|x)\b/i.test(segment)
      )
        return;
      if (bareAt && !hasStreetSignal(text, at, e) && (segment.match(/\d+/g)?.length ?? 0) < 2) return;
      seeds.push([Math.max(s, at), e]);
    });
  const spans: PiiSpan[] = [];
  const done = new Set<number>();
  for (const [s, e] of seeds) {
    const [gs, ge] = growOnLine(text, s, e, lowerCaseText, lines);
    const key = gs * 100_003 + ge;
    if (done.has(key)) continue;
    done.add(key);
    const [bs, be] = facts.newlines > 0 ? extendAddressBlock(text, gs, ge, lowerCaseText) : [gs, ge];
    spans.push({ start: bs, end: be, label: 'ADDRESS' });
  }
  return spans;
}
