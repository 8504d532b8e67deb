import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientAddress } from './index';

describe('clientAddress over real HTTP', () => {
  let seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.end();
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen = []));

  async function requestWith(headers: Record<string, string>): Promise<IncomingMessage> {
    await fetch(base, { headers });
    return seen[0]!;
  }

  it.each([
    ['one entry, as the proxy wrote it', '198.51.100.7', '198.51.100.7'],
    ['the last entry: the one our proxy appended, after what the client sent', '10.0.0.1, 203.0.113.9, 198.51.100.7', '198.51.100.7'],
    ['the last non-empty entry when the header ends in a comma', '203.0.113.9, 198.51.100.7, ', '198.51.100.7'],
    ['an IPv6 address', '203.0.113.9, 2001:db8::1', '2001:db8::1'],
  ])('behind a trusted proxy it takes %s', async (_name, header, expected) => {
    expect(clientAddress(await requestWith({ 'x-forwarded-for': header }), true)).toBe(expected);
  });

  it('behind a trusted proxy with no X-Forwarded-For, or an empty one, it takes the socket address', async () => {
    expect(clientAddress(await requestWith({}), true)).toBe('127.0.0.1');
    expect(clientAddress(await requestWith({ 'x-forwarded-for': ' , ' }), true)).toBe('127.0.0.1');
  });

  it('without a trusted proxy it ignores X-Forwarded-For, which the client can invent', async () => {
    expect(clientAddress(await requestWith({ 'x-forwarded-for': '198.51.100.7' }), false)).toBe('127.0.0.1');
  });
});
