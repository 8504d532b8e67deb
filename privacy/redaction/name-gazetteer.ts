import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Word lists used by the person detector, loaded once from the files in `gazetteer/`. */
export interface NameGazetteer {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  places: ReadonlySet<string>;
  /** The four lists as {@link LIST} bits per word: one lookup answers them all. */
  lists: ReadonlyMap<string, number>;
}

/** Bits of {@link NameGazetteer.lists}. */
export const LIST = { firstName: 1, surname: 2, common: 4, place: 8 } as const;

// Words that look capitalised in chat but never name a person here.
const NEVER_NAMES = [
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
  'singapore malaysia indonesia china india japan korea thailand vietnam philippines australia america england britain europe asia africa',
  'hi hello hey dear thanks thank regards cheers ok okay pls please yes no yeah nope sorry bye good morning evening afternoon night',
  'street road avenue ave blk block drive lane jalan lorong apt suite unit floor level tower building centre center mall plaza',
  'shopify paypal visa mastercard amex grabpay paynow whatsapp telegram facebook instagram google apple samsung iphone android',
  'order orders refund delivery shipping parcel courier invoice receipt voucher discount promo sale size colour color',
  'iban atm nric fin otp pin cvv cvc sku swift bic gst vat',
  'english chinese malay indian tamil american british french german japanese korean thai vietnamese spanish italian russian ' +
    'european asian african australian canadian mandarin hokkien cantonese filipino indonesian singaporean malaysian',
  "i im i'm i'd i'll mr mrs ms miss mdm dr prof sir madam phd md jr sr ltd llc inc corp co plc gmbh",
].join(' ');

function readList(name: string): Set<string> {
  const text = readFileSync(join(__dirname, 'gazetteer', name), 'utf8');
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word && !word.startsWith('#')) out.add(word);
  }
  return out;
}

let cached: NameGazetteer | undefined;

/** The shared gazetteer (read from disk on first use). */
export function loadNameGazetteer(): NameGazetteer {
  if (cached) return cached;
  const firstNames = readList('first-names.txt');
  const surnames = readList('surnames.txt');
  for (const name of readList('singapore-names.txt')) {
    firstNames.add(name);
    surnames.add(name);
  }
  const commonWords = readList('common-words.txt');
  const places = readList('places.txt');
  for (const word of NEVER_NAMES.split(' ')) commonWords.add(word);
  const lists = new Map<string, number>();
  const mark = (words: Set<string>, bit: number) => {
    for (const word of words) lists.set(word, (lists.get(word) ?? 0) | bit);
  };
  mark(firstNames, LIST.firstName);
  mark(surnames, LIST.surname);
  mark(commonWords, LIST.common);
  mark(places, LIST.place);
  cached = { firstNames, surnames, commonWords, places, lists };
  return cached;
}
