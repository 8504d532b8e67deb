import { InvalidArgumentError, type Command } from 'commander';
import { generateDemoStore } from '../../connectors/shopify/demo-store';
import { startFakeAdminApi, type FakeAdminApi } from '../../connectors/shopify/fake-admin-api';

/** What the command needs from its surroundings; tests pass their own. */
export interface FakeShopifyCommandDeps {
  print?: (line: string) => void;
  /** Called once the fake listens; by default the command then waits for SIGINT/SIGTERM and closes it. */
  onStarted?: (fake: FakeAdminApi) => void | Promise<void>;
}

function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

function shopDomain(value: string): string {
  const v = value.toLowerCase();
  const full = v.endsWith('.myshopify.com') ? v : `${v}.myshopify.com`;
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(full)) throw new InvalidArgumentError('shop must be a name like my-store or my-store.myshopify.com.');
  return full;
}

interface Flags {
  port: number;
  seed: string;
  orders: number;
  customers: number;
  products: number;
  shop: string;
  apiKey?: string;
  apiSecret?: string;
}

/** Adds `storedesk fake-shopify`: starts the local fake Shopify Admin API over a deterministic demo store. */
export function registerFakeShopifyCommand(program: Command, deps: FakeShopifyCommandDeps = {}): void {
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  program
    .command('fake-shopify')
    .description('Run a local fake Shopify Admin API (GraphQL 2025-10, bulk operations, OAuth, webhooks) over a demo store')
    .option('--port <n>', 'TCP port on 127.0.0.1 (0 picks a free one)', wholeNumber('port', 0, 65535), 0)
    .option('--seed <s>', 'seed of the demo store', 'storedesk')
    .option('--orders <n>', 'number of orders', wholeNumber('orders', 0, 10_000_000), 2000)
    .option('--customers <n>', 'number of customers', wholeNumber('customers', 1, 5_000_000), 500)
    .option('--products <n>', 'number of products', wholeNumber('products', 1, 10_000), 50)
    .option('--shop <domain>', 'shop domain', shopDomain, 'storedesk-demo.myshopify.com')
    .option('--api-key <key>', 'app API key (client id); give it with --api-secret')
    .option('--api-secret <secret>', 'app API secret; give it with --api-key')
    .action(async (flags: Flags, cmd: Command) => {
      if ((flags.apiKey === undefined) !== (flags.apiSecret === undefined)) cmd.error('error: --api-key and --api-secret go together: give both or neither.');
      const store = generateDemoStore({ seed: flags.seed, orders: flags.orders, customers: flags.customers, products: flags.products, shop: flags.shop });
      const fake = await startFakeAdminApi({ port: flags.port, store, apiKey: flags.apiKey ?? 'demo-api-key', apiSecret: flags.apiSecret ?? 'demo-api-secret' });
      print(`Fake Shopify Admin API listening on ${fake.url}`);
      print(`Shop: ${fake.shop} (${flags.orders} orders, ${flags.customers} customers, ${flags.products} products, seed ${flags.seed})`);
      print(`GraphQL: ${fake.graphqlUrl()}`);
      print(`Point a client at it by rewriting https://${fake.shop}/... to ${fake.url}/shops/${fake.shop}/...`);
      print(`Offline access token: ${fake.issueAccessToken()}`);
      if (deps.onStarted) return deps.onStarted(fake);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await fake.close();
    });
}
