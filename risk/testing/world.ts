import type { RiskEvent } from '../events';
import { formatAddress } from './identities';
import type { Person } from './identities';
import { Random } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Where a session comes from. */
export interface Session {
  readonly device?: string;
  readonly ip: string;
  readonly ipCountry?: string;
}

/** Order details beyond the session. */
export interface OrderSpec {
  readonly amount: number;
  readonly code?: string;
  readonly person: Person;
  readonly varyAddress?: boolean;
  readonly failed?: boolean;
  readonly card?: string;
  readonly shippingCountry?: string;
  readonly billingCountry?: string;
}

/** Shared state of one generated stream: the clock range, the networks, the events and the labels. */
export class World {
  readonly random: Random;
  readonly events: RiskEvent[] = [];
  readonly labels = new Map<string, boolean>();
  /** order id → the kind of actor that placed it, for per-kind reporting. */
  readonly actorOf = new Map<string, string>();
  /** The actor being generated now. */
  actor = 'buyer';
  readonly start: number;
  readonly days: number;
  private readonly residential: string[];
  private readonly mobile: string[];
  private counter = 0;

  constructor(seed: number, days: number) {
    this.random = new Random(seed);
    this.start = Date.parse('2026-03-01T00:00:00Z');
    this.days = days;
    this.residential = Array.from(
      { length: 3000 },
      () => `${this.random.int(100, 126)}.${this.random.int(0, 255)}.${this.random.int(0, 255)}`,
    );
    // carrier-grade NAT: few addresses, shared by many phones at once
    this.mobile = Array.from(
      { length: 250 },
      () =>
        `${this.random.pick(['27', '42', '58'])}.${this.random.int(0, 3)}.${this.random.int(0, 255)}.${this.random.int(1, 254)}`,
    );
  }

  id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36)}${this.random.hex(4)}`;
  }

  anyTime(marginDays = 0): number {
    return this.start + this.random.next() * (this.days - marginDays) * DAY;
  }

  homeIp(): string {
    return `${this.random.pick(this.residential)}.${this.random.int(1, 254)}`;
  }

  mobileIp(): string {
    return this.random.pick(this.mobile);
  }

  proxyIp(): string {
    return `${this.random.int(140, 220)}.${this.random.int(0, 255)}.${this.random.int(0, 255)}.${this.random.int(1, 254)}`;
  }

  /** A sign-up; with `noisy`, some optional fields go missing as they do in real exports. */
  account(at: number, account: string, session: Session, person: Person, email: string = person.email): void {
    this.events.push({
      type: 'account',
      at,
      account,
      device: session.device,
      ip: session.ip,
      email,
      attrs: { phone: person.phone, ipCountry: session.ipCountry ?? 'SG' },
    });
  }

  order(at: number, account: string | undefined, session: Session, spec: OrderSpec, fraud: boolean): string {
    const order = this.id('o');
    this.labels.set(order, fraud);
    this.actorOf.set(order, this.actor);
    this.events.push({
      type: 'order',
      at,
      order,
      account,
      amount: Math.round(spec.amount * 100) / 100,
      device: session.device,
      ip: session.ip,
      discountCode: spec.code,
      attrs: {
        shippingAddress: formatAddress(this.random, spec.person.address, spec.varyAddress ?? false),
        shippingCountry: spec.shippingCountry ?? 'SG',
        billingCountry: spec.billingCountry ?? 'SG',
        ipCountry: session.ipCountry ?? 'SG',
        paymentFingerprint: spec.card ?? spec.person.card,
        paymentStatus: spec.failed ? 'failed' : 'paid',
      },
    });
    return order;
  }
}
