const WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  boulevard: 'blvd',
  place: 'pl',
  court: 'ct',
  crescent: 'cres',
  terrace: 'ter',
  highway: 'hwy',
  building: 'bldg',
  block: '',
  blk: '',
  apartment: 'unit',
  apt: 'unit',
  suite: 'unit',
  ste: 'unit',
  flat: 'unit',
  floor: 'fl',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  singapore: 'sg',
  republic: '',
  of: '',
};

/**
 * Reduces a postal address to a comparison key: lower case, punctuation dropped, common words
 * abbreviated (Street → st, Apartment/Apt/#/Suite → unit), so that small spelling variations of
 * one address meet. Returns undefined when too little is left to identify a place.
 */
export function normaliseAddress(raw: string): string | undefined {
  const tokens = raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/#/g, ' unit ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .map((token) => WORDS[token] ?? token)
    .filter((token) => token !== '')
    // "unit 01 05" and "unit 0105" should meet, and so should "05" and "5"
    .map((token) => (/^\d+$/.test(token) ? String(Number(token)) : token));
  const key = tokens.join(' ');
  return key.replace(/\s/g, '').length >= 4 ? key : undefined;
}
