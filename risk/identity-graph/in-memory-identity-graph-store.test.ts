import { createIdentifierHasher, InMemoryIdentityGraphStore } from '.';

const HOUR = 3_600_000;
const hash = createIdentifierHasher('test-secret-for-the-graph');
const device = hash('device', 'dev-1');
const t0 = Date.parse('2026-03-01T00:00:00Z');

describe('in-memory identity graph', () => {
  it('answers "accounts on this device in the last 2 days" in one call, latest first', async () => {
    const graph = new InMemoryIdentityGraphStore();
    await graph.link('old', [device], t0);
    await graph.link('a', [device], t0 + 72 * HOUR);
    await graph.link('b', [device], t0 + 80 * HOUR);
    const shared = await graph.accountsSharing(device, { since: t0 + 48 * HOUR, until: t0 + 100 * HOUR });
    expect(shared.map((entry) => entry.account)).toEqual(['b', 'a']);
    expect(
      await graph.countsSince(device, [
        { since: t0, until: t0 + 100 * HOUR },
        { since: t0 + 75 * HOUR, until: t0 + 100 * HOUR },
      ]),
    ).toEqual([3, 1]);
  });

  it('sees nothing recorded at or after the end of the window, even when it arrived first', async () => {
    const graph = new InMemoryIdentityGraphStore();
    await graph.link('late', [device], t0 + 10 * HOUR);
    await graph.link('early', [device], t0 + HOUR);
    const shared = await graph.accountsSharing(device, { since: t0, until: t0 + 5 * HOUR });
    expect(shared.map((entry) => entry.account)).toEqual(['early']);
    expect(await graph.accountProfile('late', t0 + 5 * HOUR)).toBeUndefined();
    expect(await graph.identifiersOf('late', t0 + 5 * HOUR)).toEqual([]);
  });

  it('keeps the sign-up time and email domain of an account', async () => {
    const graph = new InMemoryIdentityGraphStore();
    await graph.link('a', [device], t0, {
      signedUp: true,
      emailDomain: 'mailinator.com',
      emailIsVariant: false,
    });
    await graph.link('a', [device], t0 + HOUR);
    expect(await graph.accountProfile('a', t0 + 2 * HOUR)).toEqual({
      firstSeen: t0,
      signedUpAt: t0,
      emailDomain: 'mailinator.com',
      emailIsVariant: false,
    });
  });
});
