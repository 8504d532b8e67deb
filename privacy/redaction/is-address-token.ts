import { STREET_SUFFIX, STREET_WORDS } from './address-words';
import { loadNameGazetteer } from './name-gazetteer';
import { WordTable } from './word-table';

const PARTICLES = new Set(
  'de la del der den van von di da du des le los las dos do el al y e og i och und'.split(' '),
);
const STOP_WORDS = new Set(
  'i please pls and or for but the to from with on in is was will can my our your his her their this that if when then'.split(
    ' ',
  ),
);

const mixedCase = new WordTable((key) => classifyToken(key, false));
const lowerCase = new WordTable((key) => classifyToken(key, true));

/** True when `text[start, end)` can sit inside an address (numbers, street words, names of streets and places). */
export function isAddressTokenAt(text: string, start: number, end: number, lowerCaseText: boolean): boolean {
  const c = text.charCodeAt(start);
  if ((c >= 48 && c <= 57) || c === 35) return true;
  return (lowerCaseText ? lowerCase : mixedCase).get(text, start, end, false);
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

const streets = new WordTable(
  (word) =>
    STREET_WORDS.has(word.toLowerCase()) ||
    STREET_WORDS.has((word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase()) ||
    STREET_SUFFIX.test(word.endsWith('.') ? word.slice(0, -1) : word),
);

/** True for street-type words and one-word street names ("Road", "rue", "Vibyvej"); memoised. */
export function isStreetWord(word: string): boolean {
  return streets.getString(word);
}

/** {@link isStreetWord} for `text[start, end)`, without slicing. */
export function isStreetWordAt(text: string, start: number, end: number): boolean {
  return streets.get(text, start, end, false);
}

const streetTypes = new WordTable((lower) => STREET_WORDS.has(lower));

/** True when `text[start, end)`, lower-cased, is a street-type word ("Rd.", "Jalan"). */
export function isStreetTypeAt(text: string, start: number, end: number): boolean {
  return streetTypes.get(text, start, end, true);
}
