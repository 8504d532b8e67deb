import { upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { InMemoryBlocklist, type BlocklistEntry, type BlocklistLookup } from '../blocklist';
import { createIdentifierHasher, InMemoryIdentityGraphStore, type IdentityGraphStore } from '../identity-graph';
import { InMemoryOrderHistoryStore, type OrderHistoryStore } from '../order-history';
import { CONTEXT_PLAN, storeContextReader, type ContextReader } from '../engine';
import { PostgresBlocklist } from './postgres-blocklist';
import { PostgresContextReader } from './postgres-context-reader';
import type { Queryable } from './queryable';
import { PostgresIdentityGraphStore } from './postgres-identity-graph-store';
import { PostgresOrderHistoryStore } from './postgres-order-history-store';

const hash = createIdentifierHasher('contract-test-secret-0123456789');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1);
const device = hash('device', 'dev-1');
const ip = hash('ip', '203.0.113.7');
const email = hash('email', 'farmer@example.com');

interface Stores {
  graph: IdentityGraphStore;
  history: OrderHistoryStore;
  blocklist: BlocklistLookup;
  reader: ContextReader;
  /** Statements the reader sent (Postgres only). */
  readerStatements?: () => number;
  block(entry: BlocklistEntry): Promise<void>;
}

let database: Database;
let shopCount = 0;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function postgresStores(): Promise<Stores> {
  const shop = await upsertShop(database.db, { domain: `contract-${shopCount++}.myshopify.com` });
  let statements = 0;
  const counting: Queryable = { query: (config) => ((statements += 1), database.pool.query(config)) };
  return {
    graph: new PostgresIdentityGraphStore(database.pool, shop.id),
    history: new PostgresOrderHistoryStore(database.pool, shop.id),
    blocklist: new PostgresBlocklist(database.pool, shop.id),
    reader: new PostgresContextReader(counting, shop.id),
    readerStatements: () => statements,
    async block(entry) {
      await database.pool.query(
        `INSERT INTO risk_blocklist (shop_id, identifier_key, kind, reason, added_by, created_at, expires_at) VALUES ($1, $2, $3, $4, 'test', $5, $6)`,
        [shop.id, entry.identifier.key, entry.identifier.kind, entry.reason, new Date(entry.addedAt), entry.expiresAt === undefined ? null : new Date(entry.expiresAt)],
      );
    },
  };
}

function memoryStores(): Stores {
  const blocklist = new InMemoryBlocklist();
  const graph = new InMemoryIdentityGraphStore();
  const history = new InMemoryOrderHistoryStore();
  return {
    graph,
    history,
    blocklist,
    reader: storeContextReader({ graph, history, blocklist }),
    block: async (entry) => blocklist.add(entry),
  };
}

describe.each([
  ['in memory', async () => memoryStores()],
  [`Postgres (${testEngine})`, postgresStores],
])('risk stores contract: %s', (_name, make) => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await make();
  });

  it('counts five accounts on one device within two days in one windowed query, ignoring older ones', async () => {
    for (let i = 0; i < 5; i++) await stores.graph.link(`acct-${i}`, [device, ip], T0 + i * 6 * HOUR);
    await stores.graph.link('old', [device], T0 - 5 * DAY);
    const now = T0 + DAY + 12 * HOUR;
    const shared = await stores.graph.accountsSharing(device, { since: now - 2 * DAY, until: now + 1 });
    expect(shared.map((s) => s.account)).toEqual(['acct-4', 'acct-3', 'acct-2', 'acct-1', 'acct-0']);
    expect(shared[0]!.lastSeen).toBe(T0 + 24 * HOUR);
    expect(await stores.graph.countsSince(device, [
      { since: now - 2 * DAY, until: now + 1 },
      { since: now - HOUR * 13, until: now + 1 },
      { since: T0 - 10 * DAY, until: now + 1 },
    ])).toEqual([5, 1, 6]);
  });

  it('answers as of a moment: links and profiles after `until` are invisible', async () => {
    await stores.graph.link('a', [email], T0, { signedUp: true, emailDomain: 'example.com', emailIsVariant: false });
    await stores.graph.link('a', [device], T0 + DAY);
    expect(await stores.graph.accountProfile('a', T0)).toBeUndefined();
    expect(await stores.graph.accountProfile('a', T0 + 1)).toEqual({ firstSeen: T0, signedUpAt: T0, emailDomain: 'example.com', emailIsVariant: false });
    expect((await stores.graph.identifiersOf('a', T0 + 1)).map((i) => i.key)).toEqual([email.key]);
    expect((await stores.graph.identifiersOf('a', T0 + DAY + 1)).map((i) => i.kind).sort()).toEqual(['device', 'email']);
  });

  it('lists an account\'s identifiers first seen first, and accounts seen at the same moment by id', async () => {
    await stores.graph.link('b', [email], T0 + HOUR);
    await stores.graph.link('b', [ip, device], T0);
    await stores.graph.link('a', [device], T0);
    await stores.graph.link('c', [device], T0 + 2 * HOUR);
    const keys = (await stores.graph.identifiersOf('b', T0 + DAY)).map((i) => i.key);
    expect(keys).toEqual([...[ip.key, device.key].sort(), email.key]);
    const shared = await stores.graph.accountsSharing(device, { since: T0, until: T0 + DAY });
    expect(shared.map((s) => s.account)).toEqual(['c', 'a', 'b']);
  });

  it('keeps the earliest sign-up and email when events arrive late, and links repeat sightings once', async () => {
    await stores.graph.link('late', [device], T0 + HOUR, { emailDomain: 'late.example' });
    await stores.graph.link('late', [device], T0, { signedUp: true, emailDomain: 'early.example', emailIsVariant: true });
    await stores.graph.link('late', [device], T0 + 10 * 60_000);
    const profile = await stores.graph.accountProfile('late', T0 + 2 * HOUR);
    expect(profile).toMatchObject({ firstSeen: T0, signedUpAt: T0, emailDomain: 'early.example', emailIsVariant: true });
    expect(await stores.graph.countsSince(device, [{ since: T0, until: T0 + 2 * HOUR }])).toEqual([1]);
  });

  it('returns orders by account, by source (latest kept under a limit) and by discount code', async () => {
    for (let i = 0; i < 4; i++) {
      await stores.history.record({ order: `o${i}`, account: `acct-${i % 2}`, at: T0 + i * HOUR, amount: 10 + i, discountCode: i < 3 ? 'WELCOME10' : undefined, firstOrder: i < 2, paymentFailed: i === 3, sources: [device] });
    }
    expect((await stores.history.ordersOfAccount('acct-0', { since: T0, until: T0 + DAY })).map((o) => o.order)).toEqual(['o0', 'o2']);
    const fromDevice = await stores.history.ordersFrom(device, { since: T0, until: T0 + DAY }, 2);
    expect(fromDevice.map((o) => o.order)).toEqual(['o2', 'o3']);
    expect(fromDevice[1]).toEqual({ order: 'o3', account: 'acct-1', at: T0 + 3 * HOUR, amount: 13, discountCode: undefined, firstOrder: false, paymentFailed: true, sources: [device] });
    expect((await stores.history.accountsUsingCode('WELCOME10', { since: T0, until: T0 + DAY })).sort()).toEqual(['acct-0', 'acct-1']);
    expect(await stores.history.orderCount('acct-1', T0 + 3 * HOUR)).toBe(1);
    expect(await stores.history.orderCount('acct-1', T0 + 3 * HOUR + 1)).toBe(2);
  });

  it.each([
    ['before it was added', T0 - 1, 0],
    ['while it is active', T0 + HOUR, 1],
    ['once it has expired', T0 + 2 * DAY, 0],
  ])('matches a blocklist entry only %s', async (_when, at, hits) => {
    await stores.block({ identifier: email, scope: 'shop', reason: 'Chargeback fraud', addedAt: T0, expiresAt: T0 + DAY });
    const found = await stores.blocklist.lookup([device, email], at);
    expect(found).toHaveLength(hits);
    if (hits) expect(found[0]).toEqual({ kind: 'email', scope: 'shop', reason: 'Chargeback fraud' });
  });

  it('counts failed look-ups per source within a window, and the context read gives the busier source per hour and day', async () => {
    const other = hash('ip', '198.51.100.9');
    await stores.history.recordFailedLookup({ at: T0 - 2 * DAY, sources: [device, ip] });
    for (let i = 0; i < 3; i++) await stores.history.recordFailedLookup({ at: T0 + i * 10 * HOUR, sources: [device, ip] });
    for (let i = 0; i < 2; i++) await stores.history.recordFailedLookup({ at: T0 + 20 * HOUR + i, sources: [ip] });
    await stores.history.recordFailedLookup({ at: T0 + 20 * HOUR + 5, sources: [other] });
    await stores.history.recordFailedLookup({ at: T0 + 21 * HOUR, sources: [ip] });
    expect(await stores.history.failedLookupsFrom(device, { since: T0, until: T0 + DAY })).toBe(3);
    expect(await stores.history.failedLookupsFrom(ip, { since: T0, until: T0 + 21 * HOUR })).toBe(5);
    expect(await stores.history.failedLookupsFrom(ip, { since: T0 - 3 * DAY, until: T0 + DAY })).toBe(7);
    expect(await stores.history.failedLookupsFrom(hash('device', 'never'), { since: T0, until: T0 + DAY })).toBe(0);

    const at = T0 + 20 * HOUR + 30 * 60_000;
    const read = (sources: typeof device[]) =>
      stores.reader.read({ account: 'buyer', at, until: at + 1, identifiers: sources, sources, plan: CONTEXT_PLAN });
    expect((await read([device, ip])).sourceFailedLookups).toEqual({ hour: 3, day: 5 });
    expect((await read([device])).sourceFailedLookups).toEqual({ hour: 1, day: 3 });
    expect((await read([])).sourceFailedLookups).toEqual({ hour: 0, day: 0 });
    // The counts ride on the one context statement: scoring stays one round trip for the context.
    if (stores.readerStatements) expect(stores.readerStatements()).toBe(3);
  });
});
