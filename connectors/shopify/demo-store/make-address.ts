import { INTL_CITIES, SG_STREETS } from './catalogue-data';
import { gid } from './ids';
import type { Random } from './random';
import type { MailingAddress } from './types';

/** A Singapore mobile number in E.164 (8 digits starting with 8 or 9). */
export function sgPhone(r: Random): string {
  return `+65${r.pick(['8', '9'])}${r.digits(7)}`;
}

/**
 * A postal address. Singapore ones use HDB blocks ("Blk 123 Ang Mo Kio Avenue 3", unit "#05-123")
 * or private streets, with a six-digit postal code whose first two digits are the street's sector.
 */
export function makeAddress(r: Random, firstName: string, lastName: string, numericId: number, singapore: boolean): MailingAddress {
  const base = { id: gid('MailingAddress', numericId), firstName, lastName, name: `${firstName} ${lastName}`, company: null };
  if (singapore) {
    const s = r.pick(SG_STREETS);
    const block = r.int(1, 899);
    const unit = `#${String(r.int(2, 25)).padStart(2, '0')}-${String(r.int(1, 350)).padStart(2, '0')}`;
    return {
      ...base,
      address1: s.hdb ? `Blk ${block} ${s.street}` : `${block} ${s.street}`,
      address2: unit,
      city: 'Singapore',
      province: null,
      provinceCode: null,
      country: 'Singapore',
      countryCodeV2: 'SG',
      zip: `${s.sector}${r.digits(4)}`,
      phone: sgPhone(r),
    };
  }
  const c = r.pick(INTL_CITIES);
  return {
    ...base,
    address1: `${r.int(1, 300)} ${r.pick(c.streets)}`,
    address2: r.chance(0.4) ? `Apt ${r.int(1, 40)}` : null,
    city: c.city,
    province: c.province,
    provinceCode: c.provinceCode,
    country: c.country,
    countryCodeV2: c.code,
    zip: c.zip(),
    phone: `${c.dial}${r.digits(9)}`,
  };
}

/** A plausible client IP for a country (documentation and private ranges are avoided on purpose). */
export function clientIpFor(r: Random, countryCode: string): string {
  const prefix: Record<string, string> = { SG: r.pick(['116.86', '118.200', '175.156', '220.255']), MY: '175.139', ID: '36.72', AU: '101.160', GB: '81.2', US: '73.15', HK: '223.197', JP: '126.44' };
  return `${prefix[countryCode] ?? '81.2'}.${r.int(0, 255)}.${r.int(1, 254)}`;
}
