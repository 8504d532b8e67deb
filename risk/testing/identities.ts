import type { Random } from './random';

const FIRST = [
  'john',
  'mei',
  'wei',
  'siti',
  'raj',
  'anna',
  'li',
  'ahmad',
  'sarah',
  'kumar',
  'grace',
  'david',
  'nur',
  'jason',
  'priya',
  'ming',
  'chloe',
  'daniel',
  'aisha',
  'ethan',
];
const LAST = [
  'tan',
  'lim',
  'lee',
  'ng',
  'wong',
  'goh',
  'chua',
  'ong',
  'koh',
  'teo',
  'singh',
  'rahman',
  'smith',
  'chen',
  'yeo',
  'ho',
  'low',
  'chan',
  'pillai',
  'ismail',
];
const FREE_MAIL = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
];
const OWN_DOMAINS = [
  'singnet.com.sg',
  'pacific.net.sg',
  'starhub.net.sg',
  'acme-corp.com',
  'nus.edu.sg',
  'example.org',
];
/** Real throwaway domains, so the disposable-email signal meets the maintained list as in life. */
export const DISPOSABLE = [
  'mailinator.com',
  'guerrillamail.com',
  'yopmail.com',
  '10minutemail.com',
  'sharklasers.com',
  'trashmail.com',
];
const STREETS = [
  'Orchard Road',
  'Bukit Timah Road',
  'Tampines Street 81',
  'Ang Mo Kio Avenue 3',
  'Jurong West Street 52',
  'Serangoon Avenue 2',
  'Bedok North Road',
  'Clementi Avenue 4',
  'Yishun Ring Road',
  'Woodlands Drive 14',
];

/** A person's stable identity bits. */
export interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly phone?: string;
  readonly address: {
    readonly block: number;
    readonly street: string;
    readonly unit: string;
    readonly zip: string;
  };
  readonly card?: string;
}

/** A plausible, unique-ish email local part for a name. */
export function localPart(random: Random, first: string, last: string): string {
  const style = random.int(0, 3);
  const digits = random.chance(0.6) ? String(random.int(1, 9999)) : '';
  if (style === 0) return `${first}.${last}${digits}`;
  if (style === 1) return `${first}${last}${digits}`;
  if (style === 2) return `${first[0]}${last}${digits}`;
  return `${last}.${first}${digits || random.int(10, 99)}`;
}

/** A new person: name, email, phone, address, card. */
export function newPerson(random: Random, options: { disposable?: boolean } = {}): Person {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const domain = options.disposable
    ? random.pick(DISPOSABLE)
    : random.chance(0.8)
      ? random.pick(FREE_MAIL)
      : random.pick(OWN_DOMAINS);
  return {
    first,
    last,
    email: `${localPart(random, first, last)}${random.hex(2)}@${domain}`,
    phone: random.chance(0.6)
      ? `+65 ${random.pick(['8', '9'])}${random.int(100, 999)} ${random.int(1000, 9999)}`
      : undefined,
    address: {
      block: random.int(1, 999),
      street: random.pick(STREETS),
      unit: `#${String(random.int(1, 30)).padStart(2, '0')}-${String(random.int(1, 200)).padStart(2, '0')}`,
      zip: String(random.int(100000, 829999)),
    },
    card: random.chance(0.95) ? `card-${random.hex(12)}` : undefined,
  };
}

/** The address as a buyer might type it, with the small variations abusers (and people) make. */
export function formatAddress(random: Random, address: Person['address'], vary: boolean): string {
  if (!vary) return `${address.block} ${address.street} ${address.unit}, Singapore ${address.zip}`;
  const street = random.chance(0.5)
    ? address.street.replace('Road', 'Rd').replace('Avenue', 'Ave').replace('Street', 'St')
    : address.street.toUpperCase();
  const unit = random.chance(0.5) ? address.unit.replace('#', 'Unit ') : address.unit;
  return `Blk ${address.block}, ${street}, ${unit}, SG ${address.zip}`.replace(
    'Blk ',
    random.chance(0.5) ? 'Blk ' : '',
  );
}

/** A gmail dot or plus-tag variant of an address (abusers' favourite). */
export function emailVariant(random: Random, email: string, index: number): string {
  const [local = '', domain = ''] = email.split('@');
  if (domain !== 'gmail.com') return `${local}+${index}@${domain}`;
  if (random.chance(0.5)) return `${local}+promo${index}@${domain}`;
  const chars = local.replace(/\./g, '').split('');
  const at = 1 + (index % Math.max(1, chars.length - 1));
  chars.splice(at, 0, '.');
  return `${chars.join('')}@${random.chance(0.3) ? 'googlemail.com' : domain}`;
}
