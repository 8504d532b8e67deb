import { asRawText } from '../personal-text';
import { findPii, redact } from './redact';
import type { PiiLabel } from './labels';

function found(text: string): Array<[string, PiiLabel]> {
  return findPii(text).map((s) => [text.slice(s.start, s.end), s.label]);
}

describe('redact', () => {
  it.each<[string, string, PiiLabel]>([
    [
      'Singapore block address with unit and postal code',
      'Please send to Blk 123 Ang Mo Kio Ave 3 #05-67 Singapore 560123 thanks',
      'ADDRESS',
    ],
    ['lower-case block address', 'deliver to blk 456 tampines st 42 #11-234 s520456', 'ADDRESS'],
    ['street address with number', 'I moved to 10 Anson Road, #12-01, Singapore 079903 last week', 'ADDRESS'],
    ['international street address', 'ship it to 221B Baker Street, London', 'ADDRESS'],
    ['valid S-series NRIC', 'my nric is S1234567D', 'NRIC'],
    ['valid T-series NRIC', 'IC: T1234567J', 'NRIC'],
    ['valid F-series FIN', 'FIN F1234567N please', 'NRIC'],
    ['valid G-series FIN', 'my FIN is G1234567X', 'NRIC'],
    ['valid M-series FIN', 'M1234567K is my FIN', 'NRIC'],
    ['US SSN', 'SSN 364-21-3719 on file', 'NRIC'],
    ['SG mobile with country code', 'call me at +65 9123 4567 after 6', 'PHONE'],
    ['SG mobile without spaces', 'my hp 91234567', 'PHONE'],
    ['US phone with extension', 'reach me on (227)664-8546x506', 'PHONE'],
    ['UK phone', 'phone +44 20 7946 0958 pls', 'PHONE'],
    ['email', 'email me: tan.weiming@example.com.sg', 'EMAIL'],
    ['Visa card with spaces', 'card 4111 1111 1111 1111 exp 12/27', 'CARD'],
    ['Mastercard', 'Please charge my credit card. Number is 5210402405591275', 'CARD'],
    ['IBAN', 'wire to GB82 WEST 1234 5698 7654 32 today', 'IBAN'],
    ['compact IBAN', 'IBAN DE89370400440532013000', 'IBAN'],
    ['IPv4', 'login from 203.0.113.42 failed', 'IP'],
    ['IPv6', 'ip 2001:db8:85a3::8a2e:370:7334 blocked', 'IP'],
    ['date of birth', 'my DOB is 12/03/1988', 'DOB'],
    ['birthday in words', 'I was born on 3 March 1990 in KL', 'DOB'],
    ['order number with hash', 'where is my order #1042?', 'ORDER_ID'],
    ['order number in words', 'order 12345 has not arrived', 'ORDER_ID'],
    [
      'token URL',
      'reset here https://shop.example.com/account/reset?token=9f8e7d6c5b4a3f2e1d0c',
      'URL_TOKEN',
    ],
  ])('finds %s', (_case, text, label) => {
    expect(findPii(text).map((s) => s.label)).toContain(label);
  });

  it.each<[string, string, string]>([
    ['a chat introduction', 'hi, this is Tan Wei Ming, can I change my order?', 'Tan Wei Ming'],
    ['a lower-case introduction', "hello my name's jessica and my parcel is late", 'jessica'],
    ['a title and surname', 'Mr Lim called yesterday about the refund', 'Mr Lim'],
    ['a Malay name', 'I am Nurul Aisyah binte Ismail', 'Nurul Aisyah binte Ismail'],
    ['an Indian name', 'Please ask Ravi Kumar to call back', 'Ravi Kumar'],
    ['a full name mid-sentence', 'The parcel was signed by Jennifer Langset at the door', 'Jennifer Langset'],
    ['a list of first names', 'They had 6: Malon, Mark, Kaylee and Jennifer.', 'Mark'],
  ])('finds a person in %s', (_case, text, name) => {
    expect(found(text)).toContainEqual([name, 'PERSON']);
  });

  it.each<[string, string]>([
    ['an amount', 'The total was $1,234.56 including GST'],
    ['an amount in SGD', 'refund SGD 45.90 to my card pls'],
    ['an ordinary date', 'My parcel was shipped on 12/03/2024 and arrived 2024-03-15'],
    ['a time', 'Can I collect at 10:30 tomorrow?'],
    ['a product name', 'Is the Nike Air Max 90 in size 42 still available?'],
    ['a product with a number', 'I ordered the iPhone 15 Pro case and the Galaxy S23 charger'],
    ['a colour product', 'Do you have the Rose Gold watch strap?'],
    ['a quantity', 'I want 3 pieces of the blue shirt, size M'],
    ['a quantity and a two-word brand', 'Bought 2x Uniqlo Airism tee size L on 12 Nov'],
    ['a 10-digit tracking number', 'tracking number 1234567890 shows delivered'],
    ['a 10-digit order number', 'my order number is 4501234567, where is it?'],
    ['an NRIC with a wrong checksum', 'S1234567A is not a real IC'],
    ['a card number failing Luhn', 'card 4111 1111 1111 1112'],
    ['capitalised ordinary words', 'Will this stain remover work on white shoes? May I return it?'],
    ['a percentage and a year', 'Is the 20% off sale valid until 2025?'],
  ])('leaves %s alone', (_case, text) => {
    expect(found(text)).toEqual([]);
  });

  it('replaces each span by its placeholder and reports spans over the input', () => {
    const input = asRawText('Hi, this is Tan Wei Ming, my email is wm.tan@example.com and phone 9123 4567');
    const result = redact(input);
    expect(result.text).toBe('Hi, this is <PERSON>, my email is <EMAIL> and phone <PHONE>');
    expect(result.spans.map((s) => input.slice(s.start, s.end))).toEqual([
      'Tan Wei Ming',
      'wm.tan@example.com',
      '9123 4567',
    ]);
  });

  it('returns non-overlapping spans sorted by start', () => {
    const text =
      'Dr. Diana Weöres\n35 Kromwater 38\n Apt. 705\n Zoetermeer\n Tanzania 53144\n06-10446904-Office';
    const spans = findPii(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.map((s) => s.label)).toEqual(['PERSON', 'ADDRESS', 'PHONE']);
  });

  it('gives empty text back unchanged', () => {
    expect(redact('')).toEqual({ text: '', spans: [] });
  });
});
