import { hasRareWord, hasStreetSignal, isSpaceCode } from './address-segments';
import { isStreetWord } from './is-address-token';
import { loadNameGazetteer } from './name-gazetteer';

// The plain string forms these scans replace, used as the reference.
const rareByRegex = (s: string) =>
  s.split(/[\s,.]+/).some((w) => /^\p{L}/u.test(w) && !loadNameGazetteer().commonWords.has(w.toLowerCase()));
const streetByRegex = (s: string) => s.split(/[\s,]+/).some(isStreetWord);

describe('address segments', () => {
  it.each([
    ['ordinary capitalised words', 'Blue House 90', false],
    ['a rare word', '56 Canelones 2266', true],
    ['a rare word after a comma and dot', 'Big.,Tuckerbury Hill', true],
    ['a non-ASCII rare word', '65 Alt Reinickendorf 86', true],
    ['digits only', '12 34', false],
  ])('hasRareWord on %s matches the split-and-test form', (_case, text, expected) => {
    expect(hasRareWord(text, 0, text.length)).toBe(expected);
    expect(hasRareWord(text, 0, text.length)).toBe(rareByRegex(text));
  });

  it.each([
    ['a street type', '15 Millicent Drive', true],
    ['a one-word street name', 'Lille Vibyvej 8', true],
    ['a street type with a dot', 'Orchard Rd.', true],
    ['a box number', 'my parcel, PO box 3', true],
    ['plain words', 'three blue cups', false],
    ['separated by a no-break space', 'Jalan\u00a0Besar', true],
  ])('hasStreetSignal on %s matches the split-and-test form', (_case, text, expected) => {
    expect(hasStreetSignal(text, 0, text.length)).toBe(expected);
    expect(hasStreetSignal(text, 0, text.length)).toBe(streetByRegex(text));
  });

  it('looks only inside the range it is given', () => {
    const text = 'Canelones and more';
    expect(hasRareWord(text, 10, text.length)).toBe(false);
    expect(hasStreetSignal('Drive me home', 6, 13)).toBe(false);
  });

  it('agrees with \\s on every BMP code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
