import type { RiskEvent } from '../events';
import { cardTester, couponAbuser, deviceFarm, stolenCard } from './fraud-actors';
import { family, genuineBuyer, office, reRegistration } from './genuine-actors';
import { World } from './world';

/** How many of each kind of actor a generated stream holds. */
export interface GeneratorOptions {
  readonly seed: number;
  readonly days?: number;
  readonly buyers?: number;
  readonly families?: number;
  readonly offices?: number;
  readonly reRegistrations?: number;
  readonly deviceFarms?: number;
  readonly couponAbusers?: number;
  readonly cardTesters?: number;
  readonly stolenCards?: number;
}

/** A labelled stream: the events (in actor order, not time order) and, apart, the truth per order. */
export interface GeneratedStream {
  readonly events: RiskEvent[];
  /** order id → true when fraud or abuse. For scoring results only; never give it to the scorer. */
  readonly labels: ReadonlyMap<string, boolean>;
  /** order id → actor kind (buyer, family, office, re-registration, device-farm, coupon-abuser, card-tester, stolen-card). */
  readonly actors: ReadonlyMap<string, string>;
}

/**
 * Generates a seeded, labelled stream mixing ordinary buyers with device farms, coupon abusers,
 * card testers and stolen-card orders, plus hard negatives: families sharing a device, address
 * or card, offices and mobile carriers behind one IP, people who sign up twice. The defaults give
 * roughly 100,000 events over 60 days with about 5% fraudulent orders.
 */
export function generateEvents(options: GeneratorOptions): GeneratedStream {
  const world = new World(options.seed, options.days ?? 60);
  const actors: [string, number, (w: World) => void][] = [
    ['buyer', options.buyers ?? 26_000, (w) => genuineBuyer(w)],
    ['family', options.families ?? 1_500, family],
    ['office', options.offices ?? 25, office],
    ['re-registration', options.reRegistrations ?? 500, reRegistration],
    ['device-farm', options.deviceFarms ?? 70, deviceFarm],
    ['coupon-abuser', options.couponAbusers ?? 200, couponAbuser],
    ['card-tester', options.cardTesters ?? 40, cardTester],
    ['stolen-card', options.stolenCards ?? 400, stolenCard],
  ];
  // interleave actors so the file is neither sorted nor grouped by kind
  const queue = actors.flatMap(([name, count, run]) => Array.from({ length: count }, () => ({ name, run })));
  for (let index = queue.length - 1; index > 0; index--) {
    const swap = Math.floor(world.random.next() * (index + 1));
    [queue[index], queue[swap]] = [queue[swap]!, queue[index]!];
  }
  for (const actor of queue) {
    world.actor = actor.name;
    actor.run(world);
  }
  return { events: world.events, labels: world.labels, actors: world.actorOf };
}
