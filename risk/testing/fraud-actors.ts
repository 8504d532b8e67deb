import { emailVariant, newPerson } from './identities';
import { WELCOME } from './genuine-actors';
import { DAY, HOUR, MINUTE } from './world';
import type { Session, World } from './world';

/** One operator, many fresh accounts, each farming the first-order coupon; devices and IPs partly rotated. */
export function deviceFarm(world: World): void {
  const { random } = world;
  const accounts = random.int(4, 20);
  const devices = Array.from({ length: random.pick([1, 1, 2, 3]) }, () => world.id('d'));
  const resetsDevice = random.chance(0.25);
  const rotatesIp = random.chance(0.6);
  const homeIp = world.homeIp();
  const drop = newPerson(random);
  const addressMode = random.pick(['same', 'same', 'vary', 'own']);
  const sameCard = random.chance(0.4);
  const disposable = random.chance(0.3);
  const spread = random.pick([3 * HOUR, 24 * HOUR, 4 * DAY]);
  const start = world.anyTime(5);
  for (let index = 0; index < accounts; index++) {
    const at = start + random.next() * spread;
    const person = newPerson(random, { disposable: disposable && random.chance(0.7) });
    const session: Session = {
      device: resetsDevice ? world.id('d') : random.pick(devices),
      ip: rotatesIp ? world.proxyIp() : homeIp,
    };
    const account = world.id('a');
    world.account(at, account, session, person);
    const address = addressMode === 'own' ? person.address : drop.address;
    world.order(
      at + (random.chance(0.7) ? random.exponential(5 * MINUTE) : random.exponential(6 * HOUR)),
      account,
      session,
      {
        amount: random.logNormal(35, 0.5),
        code: random.chance(0.9) ? WELCOME : undefined,
        person: { ...person, address },
        varyAddress: addressMode === 'vary',
        card: sameCard ? drop.card : person.card,
      },
      true,
    );
  }
}

/** One person re-registering with email variants and the same address, slower than a farm. */
export function couponAbuser(world: World): void {
  const { random } = world;
  const me = newPerson(random);
  const accounts = random.int(2, 6);
  const variants = random.chance(0.6);
  const devices = [world.id('d'), world.id('d')];
  const start = world.anyTime(20);
  let at = start;
  for (let index = 0; index < accounts; index++) {
    const email = variants ? emailVariant(random, me.email, index + 1) : newPerson(random).email;
    const session: Session = {
      device: random.chance(0.3) ? world.id('d') : random.pick(devices),
      ip: random.chance(0.5) ? world.mobileIp() : world.homeIp(),
    };
    const account = world.id('a');
    world.account(at, account, session, { ...me, phone: random.chance(0.5) ? me.phone : undefined }, email);
    world.order(
      at + random.exponential(30 * MINUTE),
      account,
      session,
      {
        amount: random.logNormal(40, 0.6),
        code: WELCOME,
        person: me,
        varyAddress: random.chance(0.6),
        card: random.chance(0.5) ? me.card : `card-${random.hex(12)}`,
      },
      true,
    );
    at += random.exponential(3 * DAY);
  }
}

/** A burst of small orders trying stolen cards, mostly declined, from one device or a few proxies. */
export function cardTester(world: World): void {
  const { random } = world;
  const orders = random.int(4, 30);
  const rotatesIp = random.chance(0.3);
  const rotatesDevice = random.chance(0.3);
  const device = world.id('d');
  const ip = world.proxyIp();
  const accounts = Array.from({ length: random.int(1, 3) }, () => world.id('a'));
  const guest = random.chance(0.3);
  const start = world.anyTime(1);
  const person = newPerson(random);
  for (const account of accounts)
    if (!guest) world.account(start - random.exponential(HOUR), account, { device, ip }, newPerson(random));
  const length = random.pick([10 * MINUTE, 40 * MINUTE, 3 * HOUR]);
  for (let index = 0; index < orders; index++) {
    const session: Session = {
      device: rotatesDevice ? world.id('d') : device,
      ip: rotatesIp ? world.proxyIp() : ip,
    };
    const amount = random.chance(0.8)
      ? random.int(1, 8) + random.pick([0, 0.5, 0.99])
      : random.logNormal(30, 0.4);
    world.order(
      start + random.next() * length,
      guest ? undefined : random.pick(accounts),
      session,
      { amount, person, failed: random.chance(0.6), card: `card-${random.hex(12)}` },
      true,
    );
  }
}

/** A stolen card on a fresh account: one large order, often from abroad. Hard to see from the graph. */
export function stolenCard(world: World): void {
  const { random } = world;
  const person = newPerson(random, { disposable: random.chance(0.1) });
  const abroad = random.chance(0.5);
  const session: Session = {
    device: world.id('d'),
    ip: random.chance(0.5) ? world.proxyIp() : world.homeIp(),
    ipCountry: abroad ? random.pick(['NG', 'RU', 'BR', 'VN', 'US']) : 'SG',
  };
  const account = world.id('a');
  const at = world.anyTime(1);
  world.account(at, account, session, person);
  world.order(
    at + random.exponential(40 * MINUTE),
    account,
    session,
    {
      amount: random.logNormal(180, 0.7),
      person,
      billingCountry: abroad && random.chance(0.6) ? random.pick(['US', 'GB']) : 'SG',
    },
    true,
  );
}
