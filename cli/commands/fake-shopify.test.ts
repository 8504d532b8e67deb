import { Command } from 'commander';
import { registerFakeShopifyCommand, type FakeShopifyCommandDeps } from './fake-shopify';

function program(lines: string[], onStarted?: FakeShopifyCommandDeps['onStarted']) {
  const p = new Command().exitOverride().configureOutput({ writeErr: (s) => lines.push(s), writeOut: (s) => lines.push(s) });
  registerFakeShopifyCommand(p, { print: (l) => lines.push(l), onStarted });
  return p;
}

describe('storedesk fake-shopify', () => {
  it('starts the fake, prints its URL and shop, and serves GraphQL there', async () => {
    const lines: string[] = [];
    let status = 0;
    await program(lines, async (fake) => {
      const token = lines.find((l) => l.startsWith('Offline access token: '))!.split(': ')[1]!;
      const res = await fetch(fake.graphqlUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token }, body: JSON.stringify({ query: '{ orders(first: 1) { nodes { id } } }' }) });
      status = res.status;
      await fake.close();
    }).parseAsync(['node', 'storedesk', 'fake-shopify', '--orders', '30', '--customers', '20', '--products', '5', '--shop', 'tiny-shop']);
    expect(status).toBe(200);
    expect(lines.join('\n')).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(lines.join('\n')).toContain('tiny-shop.myshopify.com');
  });

  it.each([
    [['--port', 'abc'], /port must be a whole number/],
    [['--orders', '-5'], /orders must be a whole number/],
    [['--shop', 'bad shop!'], /shop must be a name/],
    [['--api-key', 'k'], /--api-key and --api-secret go together/],
  ])('rejects %p with a clear error', async (args, message) => {
    const lines: string[] = [];
    await expect(program(lines).parseAsync(['node', 'storedesk', 'fake-shopify', ...args])).rejects.toThrow();
    expect(lines.join('\n')).toMatch(message);
  });
});
