import { STREET_SUFFIX, STREET_WORDS } from './address-words';
import { loadNameGazetteer } from './name-gazetteer';

const PARTICLES = new Set(
  'de la del der den van von di da du des le los las dos do el al y e og i och und'.split(' '),
);
const STOP_WORDS = new Set(
  'i please pls and or for but the to from with on in is was will can my our your his her their this that if when then'.split(
    ' ',
  ),
);

const mixedCaseCache = new Map<string, boolean>();
const lowerCaseCache = new Map<string, boolean>();

/** True when a token can sit inside an address (numbers, street words, names of streets and places). */
export function isAddressToken(text: string, lowerCaseText: boolean): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 35) return true;
  const cache = lowerCaseText ? lowerCaseCache : mixedCaseCache;
  let known = cache.get(text);
  if (known === undefined) {
    known = classifyToken(text, lowerCaseText);
    if (cache.size > 100_000) cache.clear();
    cache.set(text, known);
  }
  return known;
}

function classifyToken(text: string, lowerCaseText: boolean): boolean {
  const bare = text.replace(/\.$/, '');
  const lower = bare.toLowerCase();
  if (STREET_WORDS.has(lower) || STREET_WORDS.has(text.toLowerCase()) || STREET_SUFFIX.test(bare))
    return true;
  if (PARTICLES.has(lower)) return true;
  if (STOP_WORDS.has(lower)) return false;
  const gazetteer = loadNameGazetteer();
  if (gazetteer.places.has(lower)) return true;
  const first = bare.charAt(0);
  if (first !== first.toLowerCase()) return true;
  return lowerCaseText && !gazetteer.commonWords.has(lower);
}

const streetCache = new Map<string, boolean>();

/** True for street-type words and one-word street names ("Road", "rue", "Vibyvej"); memoised. */
export function isStreetWord(word: string): boolean {
  let known = streetCache.get(word);
  if (known === undefined) {
    const bare = word.endsWith('.') ? word.slice(0, -1) : word;
    known =
      STREET_WORDS.has(word.toLowerCase()) ||
      STREET_WORDS.has(bare.toLowerCase()) ||
      STREET_SUFFIX.test(bare);
    if (streetCache.size > 100_000) streetCache.clear();
    streetCache.set(word, known);
  }
  return known;
}
