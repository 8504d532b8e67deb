import { newPerson } from './identities';
import type { Person } from './identities';
import { DAY, MINUTE } from './world';
import type { Session, World } from './world';

const PUBLIC_CODES = ['SALE10', 'FREESHIP', 'PAYDAY15', 'BUNDLE5'];
export const WELCOME = 'WELCOME10';

function firstOrderDelay(world: World): number {
  // many buyers register at checkout, so a fast first order is normal
  return world.random.chance(0.45) ? world.random.exponential(4 * MINUTE) : world.random.exponential(5 * DAY);
}

function orderCount(world: World): number {
  const roll = world.random.next();
  return roll < 0.3 ? 0 : roll < 0.65 ? 1 : world.random.int(2, 7);
}

/** One ordinary buyer (or a given person on a given session): sign-up, then a few orders over weeks. */
export function genuineBuyer(
  world: World,
  options: { person?: Person; session?: Session; at?: number; welcome?: number } = {},
): void {
  const { random } = world;
  const person = options.person ?? newPerson(random, { disposable: random.chance(0.004) });
  const account = world.id('a');
  const onMobile = random.chance(0.35);
  const travelling = random.chance(0.03);
  const session: Session = options.session ?? {
    device: random.chance(0.97) ? world.id('d') : undefined,
    ip: onMobile ? world.mobileIp() : world.homeIp(),
    ipCountry: travelling ? random.pick(['MY', 'ID', 'TH', 'AU', 'US']) : 'SG',
  };
  let at = options.at ?? world.anyTime(2);
  world.account(
    at,
    account,
    session,
    person,
    random.chance(0.02) ? person.email.replace('@', `+shop@`) : person.email,
  );
  at += firstOrderDelay(world);
  const orders = orderCount(world);
  for (let index = 0; index < orders; index++) {
    const later: Session =
      index > 0 && random.chance(0.3)
        ? {
            ...session,
            ip: random.chance(0.5) ? world.mobileIp() : session.ip,
            device: random.chance(0.2) ? world.id('d') : session.device,
          }
        : session;
    const code =
      index === 0 && random.chance(options.welcome ?? 0.35)
        ? WELCOME
        : random.chance(0.12)
          ? random.pick(PUBLIC_CODES)
          : undefined;
    const gift = random.chance(0.02);
    const failed = random.chance(0.02);
    const amount = random.chance(0.01) ? random.logNormal(400, 0.5) : random.logNormal(45, 0.75);
    if (failed) world.order(at - 2 * MINUTE, account, later, { amount, code, person, failed: true }, false);
    world.order(
      at,
      account,
      later,
      { amount, code, person, shippingCountry: gift ? random.pick(['MY', 'AU', 'GB']) : 'SG' },
      false,
    );
    at += random.exponential(9 * DAY);
  }
}

/** A household: 2–4 accounts sharing a home IP and address, often a device and a card. Not fraud. */
export function family(world: World): void {
  const { random } = world;
  const base = newPerson(random);
  const session: Session = { device: world.id('d'), ip: world.homeIp() };
  const sharedDevice = random.chance(0.5);
  const sharedCard = random.chance(0.3);
  const members = random.int(2, 4);
  const start = world.anyTime(5);
  for (let index = 0; index < members; index++) {
    const person = { ...newPerson(random), address: base.address, card: sharedCard ? base.card : undefined };
    const own: Session = { ...session, device: sharedDevice ? session.device : world.id('d') };
    genuineBuyer(world, { person, session: own, at: start + random.exponential(10 * DAY) });
  }
}

/** An office behind one NAT address: many accounts, one IP, own devices. Not fraud. */
export function office(world: World): void {
  const ip = world.homeIp();
  const staff = world.random.int(15, 60);
  for (let index = 0; index < staff; index++) {
    genuineBuyer(world, { session: { device: world.id('d'), ip } });
  }
}

/** Someone who lost access and signed up again with the same phone and address. Not fraud. */
export function reRegistration(world: World): void {
  const person = newPerson(world.random);
  const first = world.anyTime(10);
  genuineBuyer(world, { person, at: first, welcome: 0.2 });
  genuineBuyer(world, {
    person: { ...person, email: person.email.replace('@', `${world.random.int(1, 9)}@`) },
    at: first + world.random.exponential(15 * DAY),
    welcome: 0.2,
  });
}
