import type { AbusePlan } from './abuse-plan';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './catalogue-data';
import { gid, ID_BASE } from './ids';
import { makeAddress, sgPhone } from './make-address';
import { Random, seedFor } from './random';
import { signupTimeMs, type Timeline } from './timeline';
import type { Customer, MailingAddress, Metafield } from './types';

/** What customer generation needs to know about the store. */
export interface CustomerContext {
  seed: string;
  timeline: Timeline;
  plan: AbusePlan;
}

/** Devices: each customer has a main browser and sometimes a second one. */
export function customerDevice(seed: string, j: number, second: boolean): string {
  return `dev_${seedFor(seed, second ? 4 : 3, j).toString(16).padStart(8, '0')}${(seedFor(seed, 7, j) >>> 12).toString(16)}`;
}

function localPart(first: string, last: string): string {
  return `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
}

/** The ring's shared mailbox and address: every member is a variant of its first member. */
function ringIdentity(ctx: CustomerContext, ring: number): { local: string; address: (id: number, f: string, l: string) => MailingAddress } {
  const r = new Random(seedFor(ctx.seed, 8, ring));
  const local = localPart(r.pick(FIRST_NAMES), r.pick(LAST_NAMES));
  const addrSeed = seedFor(ctx.seed, 9, ring);
  return { local, address: (id, f, l) => makeAddress(new Random(addrSeed), f, l, id, true) };
}

/** Plus-tag and dot variants of one Gmail mailbox; Gmail delivers them all to the same inbox. */
function ringEmail(local: string, member: number): string {
  if (member === 0) return `${local}@gmail.com`;
  if (member === 1) return `${local.replace(/\./g, '')}@gmail.com`;
  return `${local}+${member === 2 ? 'deals' : String(member)}@gmail.com`;
}

/** Customer number `j` (0-based), the same every time for the same seed. */
export function generateCustomer(ctx: CustomerContext, j: number): Customer {
  const r = new Random(seedFor(ctx.seed, 2, j));
  const numericId = ID_BASE.customer + j + 1;
  const firstName = r.pick(FIRST_NAMES);
  const lastName = r.pick(LAST_NAMES);
  const singapore = r.chance(0.75);
  let createdMs = signupTimeMs(ctx.timeline, j, r.next());
  const addressId = ID_BASE.address + j + 1;
  let address = makeAddress(r, firstName, lastName, addressId, singapore);
  let email: string | null = r.chance(0.96)
    ? `${localPart(firstName, lastName)}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(EMAIL_DOMAINS)}`
    : null;
  const phone = r.chance(0.6) ? (singapore ? sgPhone(r) : address.phone) : null;
  const tags: string[] = [];
  if (r.chance(0.3)) tags.push('newsletter');
  if (j % 7 === 0) tags.push('loyalty-member');
  const metafields: Metafield[] = [];
  if (r.chance(0.15)) {
    const birth = `${r.int(1955, 2007)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    metafields.push({ namespace: 'facts', key: 'birth_date', type: 'date', value: birth });
  }
  const note = r.chance(0.05) ? 'Prefers evening delivery' : null;

  const ring = ctx.plan.customerRing.get(j);
  if (ring) {
    const [ringIndex, member] = ring;
    const plan = ctx.plan.rings[ringIndex]!;
    const identity = ringIdentity(ctx, ringIndex);
    email = ringEmail(identity.local, member);
    address = identity.address(addressId, firstName, lastName);
    // Ring accounts are opened minutes apart, but never after their slot's sign-up bound.
    const step = Math.min(420_000, (ctx.timeline.spanMs * 0.85) / Math.max(1, ctx.timeline.customers));
    createdMs = signupTimeMs(ctx.timeline, plan.firstCustomer, 0.5) + Math.floor(member * step);
  }
  const createdAt = new Date(createdMs).toISOString();
  return {
    id: gid('Customer', numericId),
    legacyResourceId: String(numericId),
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    email,
    phone,
    verifiedEmail: email !== null && r.chance(0.9),
    state: 'ENABLED',
    locale: singapore ? 'en-SG' : 'en',
    note,
    tags,
    createdAt,
    updatedAt: createdAt,
    defaultAddress: address,
    addresses: [address],
    metafields,
  };
}
