import { findAddresses } from './find-addresses';
import { findDatesOfBirth } from './find-dates-of-birth';
import { findOrderIds } from './find-order-ids';
import { scanWords } from './scan-words';
import { textFacts } from './text-facts';
import { ALL_GATES } from './word-gates';

// Gates only skip patterns that cannot match, so the spans must not change.
describe('word gates', () => {
  it.each([
    ['a block address', 'deliver to Blk 123 Ang Mo Kio Ave 3 #05-67 Singapore 560123'],
    ['a unit glued to its number', 'apt5 and unit#12, p.o.box 44 or P.O. Box 9'],
    ['a street word after a non-ASCII letter', 'Rákóczi út 12, Budapest 1072'],
    ['a street word with a dot', 'meet at st.5 or 40 str.7'],
    ['a one-word street name', 'Lille Vibyvej 8, Västerviksgatan 2'],
    ['an address cue with a colon', 'ADDRESS: 15 Millicent Drive'],
    ['a cue far from its number', 'my address is\n  221B Baker Street'],
    ['a capitalised street hint inside a word', 'MainStreet 5 and Fifth Avenue'],
    ['the topic in another word', 'shipping to 92 Eusebio Dávila 57'],
    ['an order number', 'ORDER no. SG-1234 and Order #1042'],
    ['dates of birth', 'D.O.B 12/03/1988, born on 3 March 1990, bday 1/2/90'],
    ['a Kelvin sign', '12 \u212Aampong Glam'],
    ['a US military address', 'USNS Márquez\nFPO AP 08653 or PSC 1234, Box 567\nAPO AE 09012'],
    ['postal-code cues', 'zip code is 35649, PIN CODE: 560123, postcode 12345'],
    ['no words at all', '12 34 5678'],
  ])('on %s, finders give the same spans as with every gate open', (_case, text) => {
    const facts = textFacts(text);
    const { gates } = scanWords(text, facts);
    expect(findAddresses(text, facts, gates)).toEqual(findAddresses(text, facts, ALL_GATES));
    expect(findOrderIds(text, facts, gates)).toEqual(findOrderIds(text, facts, ALL_GATES));
    expect(findDatesOfBirth(text, gates)).toEqual(findDatesOfBirth(text, ALL_GATES));
  });
});
