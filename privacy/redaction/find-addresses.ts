import { eachMatch } from './each-match';
import { isLetterCode } from './is-letter-code';
import {
  ADDRESS_CUE,
  ADDRESS_TOPIC,
  CORNER_OF,
  MILITARY,
  NAMED_STREET,
  NUMBER_WORDS_NUMBER,
  POSTAL_CUE,
  SG_POSTAL,
  STREET_SUFFIX,
  STREET_WORDS,
  TWO_NUMBERS_WORD,
  UNIT_ANCHOR,
  WORDS_NUMBER,
} from './address-words';
import type { PiiSpan } from './labels';
import { isAddressToken, isStreetWord } from './is-address-token';
import { loadNameGazetteer } from './name-gazetteer';
import { extendAddressBlock } from './extend-address-block';

// A house number, not a quantity ("2x", "3pcs").
const HOUSE_NUMBER = /\b\d{1,5}[A-WYZa-wyz]?\b/g;

interface Token {
  start: number;
  end: number;
  text: string;
}

// Tokens of one line: "#05-67" units, numbers (with a letter or a closing dot) and words (with a closing dot).
function tokensOf(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 35 && /^#\d{1,3}-\d{1,5}[A-Za-z]?/.test(text.slice(i, i + 11))) {
      const m = /^#\d{1,3}-\d{1,5}[A-Za-z]?/.exec(text.slice(i, i + 11))!;
      i += m[0].length;
    } else if (c >= 48 && c <= 57) {
      while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i < to && isLetterCode(text.charCodeAt(i)) && !(i + 1 < to && isLetterCode(text.charCodeAt(i + 1))))
        i++;
    } else if (isLetterCode(c)) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isLetterCode(d) || d === 39 || d === 0x2019 || d === 45) i++;
        else break;
      }
    } else {
      i++;
      continue;
    }
    if (i < to && text.charCodeAt(i) === 46) i++;
    out.push({ start, end: i, text: text.slice(start, i) });
  }
  return out;
}

function gapAllows(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return /^[ \t,]*$/.test(gap) && gap.length <= 3;
}

type LineCache = Map<number, Token[]>;

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
  let i = tokens.findIndex((t) => t.end > start);
  let j = tokens.findIndex((t) => t.end >= end);
  if (i < 0 || j < 0) return [start, end];
  while (i > 0) {
    const prev = tokens[i - 1]!;
    if (!gapAllows(text, prev.end, tokens[i]!.start) || !isAddressToken(prev.text, lowerCaseText)) break;
    if (prev.text.endsWith('.') && !/^\d/.test(prev.text) && !STREET_WORDS.has(prev.text.toLowerCase()))
      break;
    i--;
  }
  while (j < tokens.length - 1) {
    const cur = tokens[j]!;
    const next = tokens[j + 1]!;
    if (cur.text.endsWith('.') && !STREET_WORDS.has(cur.text.toLowerCase()) && !/^\d{1,4}\.$/.test(cur.text))
      break;
    if (!gapAllows(text, cur.end, next.start) || !isAddressToken(next.text, lowerCaseText)) break;
    j++;
  }
  let finalEnd = tokens[j]!.end;
  if (text[finalEnd - 1] === '.' && !STREET_WORDS.has(tokens[j]!.text.toLowerCase())) finalEnd--;
  return [Math.min(tokens[i]!.start, start), Math.max(finalEnd, end)];
}

// A run of capitalised words that are all ordinary English ("Air Max 90") is more likely a product.
function hasRareWord(segment: string): boolean {
  const common = loadNameGazetteer().commonWords;
  return segment.split(/[\s,.]+/).some((w) => /^\p{L}/u.test(w) && !common.has(w.toLowerCase()));
}

function hasStreetSignal(segment: string): boolean {
  return segment.split(/[\s,]+/).some(isStreetWord);
}

const UNIT_ANCHOR_FOLDED = new RegExp(UNIT_ANCHOR.source, 'g');
const ADDRESS_CUE_FOLDED = new RegExp(ADDRESS_CUE.source, 'g');
const STREET_ANY = new RegExp(
  `\\b(?:${[...STREET_WORDS].map((w) => w.replace(/[.]/g, '\\.')).join('|')})\\b|${STREET_SUFFIX.source.replace(/\$$/, '\\b')}`,
  '',
);
const STREET_HINT = /Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace|Close|Way|Place|Square/;

/** Street, block and unit addresses (Singapore forms first), P.O. boxes and postal codes. */
export function findAddresses(text: string): PiiSpan[] {
  const lower = text.toLowerCase();
  const lowerCaseText = text === lower;
  // Case-insensitive patterns run on the lower-cased copy, which is faster than the /i flag.
  const folded = lower.length === text.length ? lower : undefined;
  const lines: LineCache = new Map();
  const seeds: Array<[number, number]> = [];
  const patterns = [SG_POSTAL, MILITARY, NUMBER_WORDS_NUMBER, TWO_NUMBERS_WORD];
  eachMatch(folded ? UNIT_ANCHOR_FOLDED : UNIT_ANCHOR, folded ?? text, (m) => {
    seeds.push([m.index, m.index + m[0].length]);
  });
  if (STREET_HINT.test(text)) patterns.push(NAMED_STREET, CORNER_OF);
  if (ADDRESS_TOPIC.test(folded ?? text.toLowerCase())) patterns.push(WORDS_NUMBER);
  for (const pattern of patterns) {
    eachMatch(pattern, text, (m) => {
      if (pattern !== SG_POSTAL && pattern !== MILITARY && pattern !== CORNER_OF && !hasRareWord(m[0]))
        return;
      seeds.push([m.index, m.index + m[0].length]);
    });
  }
  eachMatch(POSTAL_CUE, text, (m) => {
    const code = m[1] ?? '';
    seeds.push([m.index + m[0].length - code.length, m.index + m[0].length]);
  });
  // "15 Millicent Drive", "40 rue Victor Hugo", "Lille Vibyvej 8": a number next to a street word.
  let grownTo = STREET_ANY.test(folded ?? text.toLowerCase()) ? -1 : Infinity;
  eachMatch(HOUSE_NUMBER, text, (m) => {
    if (m.index < grownTo) return;
    const [s, e] = growOnLine(text, m.index, m.index + m[0].length, lowerCaseText, lines);
    grownTo = e;
    if (e - s <= m[0].length) return;
    const segment = text.slice(s, e);
    if (hasStreetSignal(segment) && /\p{L}{2}/u.test(segment)) seeds.push([s, e]);
  });
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
    if (bareAt && !hasStreetSignal(segment) && (segment.match(/\d+/g)?.length ?? 0) < 2) return;
    seeds.push([Math.max(s, at), e]);
  });
  const spans: PiiSpan[] = [];
  const done = new Set<number>();
  for (const [s, e] of seeds) {
    const [gs, ge] = growOnLine(text, s, e, lowerCaseText, lines);
    const key = gs * 100_003 + ge;
    if (done.has(key)) continue;
    done.add(key);
    const [bs, be] = extendAddressBlock(text, gs, ge, lowerCaseText);
    spans.push({ start: bs, end: be, label: 'ADDRESS' });
  }
  return spans;
}
