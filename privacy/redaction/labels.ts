/**
 * The labels a redaction span can carry. Each becomes the placeholder `<LABEL>` in redacted text.
 *
 * | label | what | how it is found |
 * |---|---|---|
 * | PERSON | a person's name | name gazetteer (international + Singapore Chinese/Malay/Indian), capitalisation, cues ("my name is", "this is", "Mr") |
 * | ADDRESS | street/block/unit addresses, P.O. boxes, postal codes next to address words | Singapore block/street/unit forms, numbered street forms of many countries, address blocks over several lines |
 * | PHONE | phone numbers | shape + libphonenumber-js (Singapore first, then international); bare 9+ digit runs need a phone cue |
 * | EMAIL | email addresses | pattern |
 * | CARD | payment card numbers | 13-19 digits passing Luhn |
 * | NRIC | national ids: Singapore NRIC/FIN (S/T/F/G/M with checksum), US SSN-style ids | checksum / SSN area rules |
 * | IBAN | IBANs | country length + mod-97 |
 * | IP | IPv4 and IPv6 addresses | pattern + `node:net` validation |
 * | DOB | dates of birth (only dates near a birth cue, never ordinary dates) | cue words ("born", "DOB", "birthday") |
 * | ORDER_ID | Shopify order numbers ("#1042", "order 1234") | pattern + cue |
 * | URL_TOKEN | URLs that carry tokens, keys or signatures | query keys / long random path parts |
 */
export type PiiLabel =
  | 'PERSON'
  | 'ADDRESS'
  | 'PHONE'
  | 'EMAIL'
  | 'CARD'
  | 'NRIC'
  | 'IBAN'
  | 'IP'
  | 'DOB'
  | 'ORDER_ID'
  | 'URL_TOKEN';

/** Every label, in the order used by reports. */
export const PII_LABELS: readonly PiiLabel[] = [
  'PERSON',
  'ADDRESS',
  'PHONE',
  'EMAIL',
  'CARD',
  'NRIC',
  'IBAN',
  'IP',
  'DOB',
  'ORDER_ID',
  'URL_TOKEN',
];

/** Labels that identify a person directly; the redaction targets are measured on these. */
export const DIRECT_IDENTIFIER_LABELS: readonly PiiLabel[] = [
  'PERSON',
  'ADDRESS',
  'PHONE',
  'EMAIL',
  'CARD',
  'NRIC',
  'IBAN',
  'IP',
];

/** A found identifier: character offsets over the input, end exclusive. */
export interface PiiSpan {
  start: number;
  end: number;
  label: PiiLabel;
}
